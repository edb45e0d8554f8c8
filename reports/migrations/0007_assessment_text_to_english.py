"""The panel's words written before Welsh came in are English: copy each into its English column."""

from django.db import migrations
from django.db.models import F


def to_english(apps, schema_editor):
    AssessmentSection = apps.get_model("reports", "AssessmentSection")
    AssessmentSection.objects.filter(text_en_gb__isnull=True).update(text_en_gb=F("text"))


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0006_assessment_text_in_welsh"),
    ]

    operations = [
        migrations.RunPython(to_english, migrations.RunPython.noop),
    ]
