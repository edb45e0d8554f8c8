from django.db import migrations

# The search indexes are written when a row is saved, not gathered in a pending list first.
# With PostgreSQL's default (fastupdate on) every new or changed row waits in an unsorted list
# of up to 4 MB that each search reads through from start to end until a vacuum merges it: at
# scale a search of 40,000 findings took 33 ms with the list full and 4.5 ms without. Rows are
# saved one at a time here, by people, so writing the index at once costs little.
INDEXES = ["review_search_gin", "finding_search_gin", "evidence_search_gin", "evidence_title_trigrams"]


def write_at_once(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
        # Merge what is already waiting in the list (a no-op where the index is gone).
        schema_editor.execute(
            f"SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = '{name}'"
        )


def gather_again(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0010_evidence_search_speed"),
    ]

    operations = [
        migrations.RunPython(write_at_once, gather_again),
    ]
