"""The starting jargon list in Welsh: for each word of it that is on the list, the Welsh word
or phrase that a Welsh document uses for it, with plain Welsh to say instead, so the document
check works for Welsh documents too. A Welsh version someone has written already is kept."""

from django.db import migrations

from mysteryshop.seed import seed_welsh_jargon


def add_welsh(apps, schema_editor):
    seed_welsh_jargon(apps)


def back(apps, schema_editor):
    """The Welsh words stay: they are harmless on the way back."""


class Migration(migrations.Migration):

    dependencies = [
        ("mysteryshop", "0008_english_into_its_own_column"),
    ]

    operations = [
        migrations.RunPython(add_welsh, back),
    ]
