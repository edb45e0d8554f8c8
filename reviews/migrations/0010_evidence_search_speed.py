from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

# A trigram index on evidence titles, so a search's "title contains these letters" part is read
# from an index instead of every title (PostgreSQL only: SQLite, for development, has no
# trigrams and searches with a plain contains match).
TITLE_INDEX = "evidence_title_trigrams"


def add_title_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TITLE_INDEX} ON reviews_evidence "
        "USING gin (UPPER(title::text) gin_trgm_ops)"
    )


def drop_title_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {TITLE_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0009_version_for_edit_conflicts"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="evidence",
            index=models.Index(fields=["created_at"], name="evidence_added"),
        ),
        TrigramExtension(),
        migrations.RunPython(add_title_index, drop_title_index),
    ]
