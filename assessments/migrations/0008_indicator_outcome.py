"""Indicators name the outcome they measure, so the Annual Report to Tenants can report by
outcome. The published indicators are put under their outcomes by the next migration: on
PostgreSQL the new column's index is made at the end of this one, which must not follow updates
to the same table in one transaction ("pending trigger events")."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
