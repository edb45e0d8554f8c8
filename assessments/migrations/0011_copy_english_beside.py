"""The English of every framework, standard, outcome and figure title already loaded, copied into
its English column (added by 0010), so Welsh pages fall back to it and the forms show it."""

from django.db import migrations
from django.db.models import F

COPIED = {
    "Framework": ("name", "description"),
    "Standard": ("title",),
    "Outcome": ("title", "description", "guidance"),
    "Indicator": ("title",),
}


def copy_english(apps, schema_editor):
    for model_name, fields in COPIED.items():
        model = apps.get_model("assessments", model_name)
        model.objects.update(**{f"{name}_en_gb": F(name) for name in fields})


def copy_back(apps, schema_editor):
    """Undone, the English column is the field again (a Welsh version is dropped with 0010)."""
    for model_name, fields in COPIED.items():
        model = apps.get_model("assessments", model_name)
        for name in fields:
            model.objects.exclude(**{f"{name}_en_gb": None}).update(**{name: F(f"{name}_en_gb")})


class Migration(migrations.Migration):
    dependencies = [("assessments", "0010_welsh_beside_english")]

    operations = [migrations.RunPython(copy_english, copy_back)]
