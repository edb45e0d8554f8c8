from django.db import migrations


def seed(apps, schema_editor):
    from assessments import published

    published.seed(
        apps.get_model("assessments", "Framework"), apps.get_model("assessments", "Standard"),
        apps.get_model("assessments", "Outcome"), apps.get_model("assessments", "Indicator"),
    )


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
