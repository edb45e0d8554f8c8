import os
import sys
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# The suite starts some sixty Python processes (xdist workers, gunicorn, Celery, manage.py,
# mypy). Where PYTHONDONTWRITEBYTECODE is set, as in many container images, each compiled Django
# and the app from source again: 4 s of CPU a start instead of 1.4 s on a slow machine. The
# bytecode is kept in var/pycache (ignored by git), never beside the sources, which is what that
# setting is usually there to prevent. Set here, before xdist starts its workers, for this
# process and every one started from it; an explicit PYTHONPYCACHEPREFIX is kept.
PYCACHE = os.environ.setdefault(
    "PYTHONPYCACHEPREFIX", str(Path(__file__).resolve().parent.parent / "var" / "pycache")
)
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.pycache_prefix = PYCACHE
sys.dont_write_bytecode = False

# The slowest tests first (measured with --durations), so that under xdist both workers share
# them and the many quick tests fill in at the end; the order within each is kept.
SLOW_FIRST = (
    "tests/browser/test_phone_crawl.py",
    "tests/stack/test_growth.py",
    "tests/stack/",
    "tests/browser/",
    "tests/assessments/test_privacy_every_url.py",
    "tests/test_permissions.py",
    "tests/scrutiny/test_hostile_query_strings.py",
    "tests/deploy/",
    "tests/recommendations/test_demo_",
    "tests/test_types.py",
    "tests/comparisons/test_import_published_workbook.py",
    "tests/scrutiny/test_sqlite_concurrency.py",
)


def _slowness(item):
    return next(
        (rank for rank, prefix in enumerate(SLOW_FIRST) if item.nodeid.startswith(prefix)),
        len(SLOW_FIRST),
    )


@pytest.hookimpl(trylast=True)  # after pytest-django's own ordering, which puts them last
def pytest_collection_modifyitems(items):
    items.sort(key=_slowness)


# Modules whose tests share processes started once for the module: kept on one xdist worker.
ONE_WORKER_MODULES = ("tests/stack/test_growth.py", "tests/recommendations/test_demo_through_services.py")


@pytest.hookimpl(optionalhook=True, tryfirst=True)  # an xdist hook: absent with -p no:xdist
def pytest_xdist_make_scheduler(config, log):
    """With -n, hand tests out one at a time as workers free up, in the order above, rather than
    in long runs of consecutive tests (xdist's default, load), where the slow tests, being
    first, would all go to one worker. An explicit --dist other than load is kept."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneAtATime(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_WORKER_MODULES else nodeid

    config.option.loadscopereorder = False  # keep the slowest-first order
    return OneAtATime(config, log)


def need_service(available, reason):
    """Skip a test whose service is missing on a newcomer's machine; in CI, fail instead."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: services must be present, so this is a failure)")
    pytest.skip(reason)


@pytest.fixture
def private_redis(tmp_path):
    """A redis-server of the test's own, which it may stop, pause or restart (tests/stack/services.py)."""
    from tests.stack.services import PrivateRedis

    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True, scope="session")
def _force_login_passes_the_second_factor():
    """client.force_login gives a session past the second factor too (tests/second_factor.py)."""
    from tests import second_factor

    second_factor.install()
    yield
    second_factor.uninstall()


@pytest.fixture(autouse=True)
def _isolated_site(settings, tmp_path):
    """Fast password hashing, uploads in a temporary folder, an empty cache and no lockouts."""
    from django.core.cache import cache
    from django.utils import translation

    from scrutiny.page_copies import copies

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cache.clear()
    copies.clear()  # this process's copies of public pages (scrutiny/page_copies.py)
    # Each test starts in English: a request to a /cy/ page leaves Welsh active on the thread
    # (LocaleMiddleware activates the address's language and nothing puts it back).
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
    cache.clear()


@pytest.fixture(scope="session")
def collected_static(request, tmp_path_factory):
    """`manage.py collectstatic` with production storage, run once per test run (the stack
    tests serve its files; tests/deploy checks them): (the folder, the finished command).

    It compresses every file twice over, 16 s of CPU here: under xdist the first worker to need
    it runs it and the others, waiting for it, read its files and its outcome."""
    import fcntl
    import json
    import subprocess

    from tests.deploy.production import manage, production_env

    if getattr(request.config, "workerinput", None):
        folder = tmp_path_factory.getbasetemp().parent  # this run's, the same for every worker
    else:
        folder = tmp_path_factory.mktemp("collectstatic")
    root = folder / "static"
    with open(folder / "collectstatic.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        outcome = folder / "collectstatic.json"
        if not outcome.exists():
            result = manage(
                "collectstatic", "--noinput",
                env=production_env(
                    STATIC_ROOT=str(root), DATABASE_URL=f"sqlite:///{folder / 'collectstatic.sqlite3'}"
                ),
            )
            outcome.write_text(json.dumps({
                "args": result.args, "returncode": result.returncode,
                "stdout": result.stdout, "stderr": result.stderr,
            }))
        finished = subprocess.CompletedProcess(**json.loads(outcome.read_text()))
    return root, finished


@pytest.fixture
def users(db):
    """One signed-up person per site role."""
    from tests.factories.accounts import UserFactory

    return {role: UserFactory(role=role) for role in ("tenant", "officer", "manager", "admin")}


@pytest.fixture
def count_queries(db, settings):
    """count_queries(fn, *args, **kwargs) -> the number of database queries the call makes.

    Query-count tests call it for a small and a large set of data and compare the two for
    equality: a page or selector that queried once per item would differ, whatever its total."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(fn, *args, **kwargs):
        with CaptureQueriesContext(connection) as ctx:
            fn(*args, **kwargs)
        return len(ctx.captured_queries)

    return count


@pytest.fixture(scope="session", autouse=True)
def _flush_by_deleting():
    """A transactional test (browser, stack) empties every table when it ends, with Django's
    flush. On PostgreSQL that is one TRUNCATE of all 78 tables, which makes each table's files
    anew: 1.2 s a test here, against 0.2 s for a DELETE from each, the tables holding a few
    rows. Every foreign key Django makes is deferred to the commit, so the order does not matter.
    Sequences are not reset either way (unless a test asks, when TRUNCATE is kept)."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};"
            for table in tables
        ]

    DatabaseOperations.sql_flush = sql_flush
    yield
    DatabaseOperations.sql_flush = truncate


@pytest.fixture
def every_migration_afterwards():
    """For a test that moves the database back to an earlier migration: afterwards, every app's
    latest migration again. Migrating back one app takes back the other apps' migrations that
    depend on it, and migrating it forward again does not bring those back: the next tests on
    this worker would find columns missing."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.fixture(autouse=True)
def _seeded_reference_data(request, django_db_blocker):
    """Put back what data migrations seed (frameworks, checklists, jargon, service areas).

    A transactional test (browser, stack) empties every table when it ends, and xdist runs the
    next tests on that worker against the emptied database; the seeds are idempotent, so each
    test that uses the database starts from what a migrated site holds."""
    uses_db = request.node.get_closest_marker("django_db") or {
        "db", "transactional_db", "live_server", "django_db_setup"
    } & set(request.fixturenames)
    if uses_db:
        from django.apps import apps

        request.getfixturevalue("django_db_setup")  # the test database, never the site's own
        with django_db_blocker.unblock():
            _restore_seeds(apps)
    yield


# (the model whose emptiness shows the seed is gone, the data migration, its function)
_SEEDS = [
    # The published frameworks, with their indicators put under their outcomes (it seeds them too).
    ("assessments.Framework", "assessments.migrations.0009_link_published_indicators", "link"),
    ("mysteryshop.Checklist", "mysteryshop.migrations.0002_seed_checklists_and_jargon", "seed"),
    ("reviews.ServiceArea", "reviews.migrations.0003_service_areas", "add_service_areas"),
]


def _restore_seeds(apps):
    from importlib import import_module

    for model, migration, function in _SEEDS:
        if not apps.get_model(model).objects.exists():
            getattr(import_module(migration), function)(apps, None)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request, tmp_path_factory):
    """Under xdist on PostgreSQL, each worker's test database is copied from one migrated once
    for the run (CREATE DATABASE ... TEMPLATE, as Django's own parallel test runner does),
    instead of every worker running all the migrations: that took 15 s of CPU a worker."""
    from django.db import connections

    workerinput = getattr(request.config, "workerinput", None)
    connection = connections["default"]
    if workerinput and connection.vendor == "postgresql":
        shared = tmp_path_factory.getbasetemp().parent  # the same folder for every worker
        creation = connection.creation
        creation.create_test_db = _from_template(
            creation, creation.create_test_db, shared, workerinput["workercount"]
        )


def _from_template(creation, create_test_db, shared, workers):
    """create_test_db for one of `workers` xdist workers: the first to come migrates a template
    database; each copies it to its own; the last to copy it drops it."""
    import fcntl

    from django.conf import settings

    def create(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb or serialize:  # --reuse-db, or a test that restores the data it started with
            return create_test_db(verbosity, autoclobber, serialize, keepdb)
        connection = creation.connection
        name = creation._get_test_db_name()
        template = f"{name.rsplit('_', 1)[0]}_template"
        with open(shared / "test-database.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            copied = shared / "test-database-copies"
            if not copied.exists():
                connection.settings_dict["TEST"]["NAME"] = template
                create_test_db(verbosity, True, False, False)  # sets NAME to the template
                connection.close()  # no session may be open on a template while it is copied
                copied.write_text("0")
            with creation._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
                cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                done = int(copied.read_text()) + 1
                if done == workers:
                    cursor.execute(f'DROP DATABASE "{template}"')
            copied.write_text(str(done))
        connection.settings_dict["TEST"]["NAME"] = name
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        connection.ensure_connection()
        return name

    return create
