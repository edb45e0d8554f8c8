"""What the landlord wrote so far is English: copy it into each field's English column
(`<field>_en_gb`), which pages read from now on. The Welsh columns start empty, so Welsh pages
show the English, marked as such, until someone writes the Welsh."""

from django.db import migrations
from django.db.models import F

FIELDS = {
    "Checklist": ("title", "introduction"),
    "Section": ("title",),
    "Standard": ("question", "guidance", "unit"),
    "Site": ("name",),
    "JargonTerm": ("term", "plain"),
}


def copy_english(apps, schema_editor):
    for model_name, names in FIELDS.items():
        model = apps.get_model("mysteryshop", model_name)
        model.objects.update(**{f"{name}_en_gb": F(name) for name in names})


def back(apps, schema_editor):
    """Going back, the English columns are dropped by the migration before this one."""


class Migration(migrations.Migration):

    dependencies = [
        ("mysteryshop", "0007_welsh_beside_english"),
    ]

    operations = [
        migrations.RunPython(copy_english, back),
    ]
