"""`manage.py check --deploy` with production settings from the environment, in a subprocess
(settings are read once per process, so this is the honest way to load them as production does)."""

from tests.deploy.production import manage, production_env


def test_check_deploy_passes_with_production_settings(tmp_path):
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_with_a_weak_secret_key(tmp_path):
    """The check is real: a short key is reported, so the test above proves something."""
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECRET_KEY="short")

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)

    assert result.returncode != 0
    assert "security.W009" in result.stderr


def test_settings_refuse_to_load_without_a_secret_key_when_debug_is_off(tmp_path):
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECRET_KEY=None)

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_an_empty_secret_key_is_refused_too(tmp_path):
    """`SECRET_KEY=` copied from .env.example and left blank must not start the site."""
    env = production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", SECRET_KEY="")

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_collectstatic_works_with_production_storage(collected_static):
    """The image's build step: hashed, compressed files and a manifest WhiteNoise serves from.
    A static file naming another that is missing (e.g. a source map) fails here, not in Docker.
    (The run is shared with the stack tests, which serve these files: see collected_static.)"""
    static_root, result = collected_static

    assert result.returncode == 0, result.stdout + result.stderr
    assert (static_root / "staticfiles.json").is_file()
    assert list((static_root / "vendor").glob("htmx.min.*.js.gz"))
