""".env.example lists every variable the app and docker-compose.yml read, each with a comment."""

import re

from tests.deploy.production import REPO, settings_variables

EXAMPLE = REPO / ".env.example"
# Read by docker-compose.yml itself, not by the app.
COMPOSE_ONLY = {"POSTGRES_PASSWORD", "WEB_CONCURRENCY", "WEB_PORT"}


def example_entries():
    """{name: the comment lines just above it} for each `NAME=` or `# NAME=` line."""
    entries, comment = {}, []
    for line in EXAMPLE.read_text().splitlines():
        match = re.match(r"^#? ?([A-Z][A-Z0-9_]*)=", line)
        if match:
            entries[match.group(1)] = comment
            comment = []
        elif line.startswith("#"):
            comment.append(line)
        else:
            comment = []
    return entries


def test_every_setting_read_from_the_environment_is_in_the_example():
    missing = settings_variables() - set(example_entries())
    assert not missing, f"add these to .env.example with a comment: {sorted(missing)}"


def test_the_example_names_only_variables_something_reads():
    unknown = set(example_entries()) - settings_variables() - COMPOSE_ONLY
    assert not unknown


def test_every_variable_is_explained():
    unexplained = [name for name, comment in example_entries().items() if not comment]
    assert not unexplained


def test_optional_variables_are_commented_out():
    """An empty `NAME=` is not "unset": it would replace the default with an empty value."""
    set_lines = re.findall(r"^([A-Z][A-Z0-9_]*)=", EXAMPLE.read_text(), re.MULTILINE)
    assert set(set_lines) == {"SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "POSTGRES_PASSWORD"}
