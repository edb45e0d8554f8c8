"""Each existing value of the site settings' translated fields becomes their English version
(kept apart from 0014: a schema change and a data change in one migration fail on PostgreSQL)."""

from django.db import migrations
from django.db.models import F

FIELDS = ("landlord_name", "logo_alt_text", "tenant_word", "contact_text")


def copy_to_english(apps, schema_editor):
    SiteSettings = apps.get_model("scrutiny", "SiteSettings")
    SiteSettings.objects.update(**{f"{name}_en_gb": F(name) for name in FIELDS})


class Migration(migrations.Migration):

    dependencies = [
        ("scrutiny", "0014_site_settings_in_welsh"),
    ]

    operations = [
        migrations.RunPython(copy_to_english, migrations.RunPython.noop),
    ]
