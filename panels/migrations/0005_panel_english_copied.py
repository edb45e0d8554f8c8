"""Each panel's existing name, purpose and terms of reference become its English version."""

from django.db import migrations

FIELDS = ("name", "purpose", "terms_of_reference")


def copy_to_english(apps, schema_editor):
    Panel = apps.get_model("panels", "Panel")
    for panel in Panel.objects.all().only("pk", *FIELDS):
        for name in FIELDS:
            setattr(panel, f"{name}_en_gb", getattr(panel, name))
        panel.save(update_fields=[f"{name}_en_gb" for name in FIELDS])


class Migration(migrations.Migration):
    dependencies = [("panels", "0004_panel_in_welsh")]

    operations = [migrations.RunPython(copy_to_english, migrations.RunPython.noop)]
