import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def need_service(available, reason):
    """Skip a test whose service is missing on a newcomer's machine; in CI, fail instead."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: services must be present, so this is a failure)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def _isolated_site(settings, tmp_path):
    """Fast password hashing, uploads in a temporary folder, an empty cache, no lockouts."""
    from django.core.cache import cache

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def users(db):
    """One signed-up person per site role."""
    from tests.factories.accounts import UserFactory

    return {role: UserFactory(role=role) for role in ("tenant", "officer", "manager", "admin")}


@pytest.fixture
def count_queries(db):
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
