"""Sessions signed in before the list of where each person is signed in existed go on it now,
so that ending a person's sessions (a role change, a new password) reaches those too. Their
browser and address are filled in at their next use."""

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.module_loading import import_string


def note_existing_sessions(apps, schema_editor):
    Session = apps.get_model("sessions", "Session")
    UserSession = apps.get_model("scrutiny", "UserSession")
    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")()
    people = {str(pk) for pk in apps.get_model(settings.AUTH_USER_MODEL).objects.values_list("pk", flat=True)}
    noted = set(UserSession.objects.values_list("session_key", flat=True))
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        user_id = store.decode(session.session_data).get("_auth_user_id")
        if user_id in people and session.session_key not in noted:
            UserSession.objects.create(user_id=user_id, session_key=session.session_key)


class Migration(migrations.Migration):
    dependencies = [
        ("scrutiny", "0010_user_sessions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(note_existing_sessions, migrations.RunPython.noop)]
