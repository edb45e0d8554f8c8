"""Indicators name the outcome they measure, so the Annual Report to Tenants can report by
outcome: the Tenant Satisfaction Measures gain their six themes as outcomes, and the published
Charter and TSM indicators are put under theirs (assessments/published.py). Safe to run twice."""

import django.db.models.deletion
from django.db import migrations, models


def link(apps, schema_editor):
    from assessments import published

    models_ = [apps.get_model("assessments", name) for name in ("Framework", "Standard", "Outcome", "Indicator")]
    published.seed(*models_)
    published.link_indicators(models_[0], models_[2], models_[3])


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0007_score_version'),
    ]

    operations = [
        migrations.AddField(
            model_name='indicator',
            name='outcome',
            field=models.ForeignKey(blank=True, help_text='The outcome this figure measures, if any.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='indicators', to='assessments.outcome'),
        ),
        migrations.RunPython(link, migrations.RunPython.noop),
    ]
