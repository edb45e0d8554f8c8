"""Move "show the Customer Approved register to everyone" from this app's own settings row onto
the site settings page's switches (scrutiny/switches.py), keeping the value an administrator chose."""

from django.db import migrations

KEY = "mysteryshop.public_register"


def to_switch(apps, schema_editor):
    old = apps.get_model("mysteryshop", "RegisterSettings").objects.filter(pk=1).first()
    if old is None:
        return
    site_settings, _ = apps.get_model("scrutiny", "SiteSettings").objects.get_or_create(pk=1)
    site_settings.switches = {**(site_settings.switches or {}), KEY: bool(old.public_register)}
    site_settings.save(update_fields=["switches"])


def from_switch(apps, schema_editor):
    site_settings = apps.get_model("scrutiny", "SiteSettings").objects.filter(pk=1).first()
    public = bool(site_settings and (site_settings.switches or {}).get(KEY, False))
    apps.get_model("mysteryshop", "RegisterSettings").objects.update_or_create(
        pk=1, defaults={"public_register": public}
    )


class Migration(migrations.Migration):

    dependencies = [
        ("mysteryshop", "0003_site_version"),
        ("scrutiny", "0003_site_switches_and_version"),
    ]

    operations = [
        migrations.RunPython(to_switch, from_switch),
        migrations.DeleteModel(name="RegisterSettings"),
    ]
