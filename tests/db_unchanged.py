"""Whether a refused request left the database as it was: a fingerprint of every table's rows,
taken before and after, in one query each (cheap enough for the permission matrix)."""

import contextlib

from django.db import connection

# Rows that may change on any request, refused or not (a signed-in person's session, and when and
# where it was last used), and tables only `migrate` writes (leaving them out makes the
# fingerprint four times as fast).
SKIPPED = {
    "django_session", "scrutiny_usersession", "django_migrations", "django_content_type", "auth_permission",
}

_queries = {}


def _table_rows_sql(table, columns):
    """One row for the table: its name and all its rows as one string, in a stable order."""
    # Table and column names come from the database's own catalogue, quoted.
    q = connection.ops.quote_name
    if connection.vendor == "postgresql":  # sorted: an update that changes nothing moves the row
        return (f"SELECT '{table}', md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"  # noqa: S608
                f" FROM {q(table)} t")
    # Unsorted (a third faster): SQLite reads a table in rowid order, which an update keeps.
    row = " || ',' || ".join(f"quote({q(c)})" for c in columns)
    return f"SELECT '{table}', group_concat({row}, '|') FROM {q(table)}"  # noqa: S608


def _query():
    """The fingerprint query for this database, built once (tables do not change in a run)."""
    key = (connection.vendor, connection.settings_dict["NAME"])
    if key not in _queries:
        with connection.cursor() as cursor:
            tables = sorted(set(connection.introspection.table_names(cursor)) - SKIPPED)
            parts = [
                _table_rows_sql(table, [c.name for c in
                                        connection.introspection.get_table_description(cursor, table)])
                for table in tables
            ]
        _queries[key] = " UNION ALL ".join(parts)
    return _queries[key]


def fingerprint():
    """{table: its rows as one string (on PostgreSQL, that string's digest)}."""
    from scrutiny.models import SiteSettings

    SiteSettings.load()  # made with defaults by the first page anyone sees: not a change they made
    with connection.cursor() as cursor:
        cursor.execute(_query())
        return dict(cursor.fetchall())


def changed_tables(before, after):
    return sorted(table for table in before if before[table] != after.get(table))


@contextlib.contextmanager
def assert_db_unchanged():
    """Fail if any table's rows differ after the block from before it."""
    before = fingerprint()
    yield
    changed = changed_tables(before, fingerprint())
    assert changed == [], f"the database changed: {changed}"
