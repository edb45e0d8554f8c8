from django.db import migrations

LEFT_OPEN = ("Still open when the recommendation was marked implemented; "
             "what became of it was not recorded.")


def close_actions_left_open(apps, schema_editor):
    """Before marking implemented asked about open actions, some implemented and verified
    recommendations kept actions "not started" or "underway". They are shown as dropped, saying
    honestly that nobody recorded what became of them, so no finished recommendation shows work
    still to start."""
    Action = apps.get_model("recommendations", "Action")
    Action.objects.filter(
        recommendation__status__in=["implemented", "verified"],
        status__in=["not_started", "underway"],
    ).update(status="dropped", dropped_reason=LEFT_OPEN)


class Migration(migrations.Migration):

    dependencies = [
        ("recommendations", "0007_action_dropped_with_reason"),
    ]

    operations = [
        migrations.RunPython(close_actions_left_open, migrations.RunPython.noop),
    ]
