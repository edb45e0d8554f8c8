"""The Tenant Satisfaction Measures gain their six themes as outcomes, and the published Charter
and TSM indicators are put under theirs (assessments/published.py). Safe to run twice."""

from django.db import migrations


def link(apps, schema_editor):
    from assessments import published

    models_ = [apps.get_model("assessments", name) for name in ("Framework", "Standard", "Outcome", "Indicator")]
    published.seed(*models_)
    published.link_indicators(models_[0], models_[2], models_[3])


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0008_indicator_outcome'),
    ]

    operations = [
        migrations.RunPython(link, migrations.RunPython.noop),
    ]
