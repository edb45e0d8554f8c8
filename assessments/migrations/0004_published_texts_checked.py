"""Bring the seeded frameworks up to the texts checked against their sources (assessments/published.py):
the Consumer Standards' required outcomes, with their wording, in place of one placeholder outcome
per standard; three more Charter ARC indicators (7, 11, 12) and the Charter indicators in number
order. Safe to run on a database seeded by 0002 and on a fresh one; placeholders anyone scored or
linked are kept, so no past self-assessment's results change."""

from django.db import migrations


def update(apps, schema_editor):
    from assessments import published

    framework = apps.get_model("assessments", "Framework")
    outcome = apps.get_model("assessments", "Outcome")
    published.seed(
        framework, apps.get_model("assessments", "Standard"), outcome, apps.get_model("assessments", "Indicator")
    )
    published.retire_placeholders(framework, outcome)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_assessor_kept_when_person_deleted")]

    operations = [migrations.RunPython(update, migrations.RunPython.noop)]
