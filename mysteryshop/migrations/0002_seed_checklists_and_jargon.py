from django.db import migrations


def seed(apps, schema_editor):
    from mysteryshop.seed import seed_all

    seed_all(apps)


class Migration(migrations.Migration):
    dependencies = [("mysteryshop", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
