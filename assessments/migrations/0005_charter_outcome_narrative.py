"""Bring the seeded Scottish Social Housing Charter up to assessments/published.py: outcome 1 gets
its supporting narrative from the November 2022 Charter as its guidance. Re-running the seed only
updates the published frameworks' own rows (found by framework and code), so it is safe to run on
any database and twice; scores, actions and recommendations are separate rows and stay as they are."""

from django.db import migrations


def update(apps, schema_editor):
    from assessments import published

    published.seed(
        apps.get_model("assessments", "Framework"),
        apps.get_model("assessments", "Standard"),
        apps.get_model("assessments", "Outcome"),
        apps.get_model("assessments", "Indicator"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0004_published_texts_checked")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
