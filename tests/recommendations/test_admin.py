"""Every recommendations model has a working page in the administration site."""

import pytest
from django.urls import reverse

from recommendations.models import ProgressUpdate, ReminderSent, Transition
from tests.factories.recommendations import ActionFactory


@pytest.mark.parametrize(
    "model", ["recommendation", "response", "action", "progressupdate", "transition", "remindersent"]
)
def test_admin_lists_and_opens_each_model(admin_client_for, model, world, make_rec):
    rec = make_rec("verified")
    action = ActionFactory(recommendation=rec, owner=world.owner)
    objects = {
        "recommendation": rec,
        "response": rec.response,
        "action": action,
        "progressupdate": ProgressUpdate.objects.create(recommendation=rec, text="Done."),
        "transition": Transition.objects.create(recommendation=rec, to_status="verified"),
        "remindersent": ReminderSent.objects.create(user=world.owner, date="2025-01-01"),
    }
    client = admin_client_for(world.admin)
    assert client.get(reverse(f"admin:recommendations_{model}_changelist")).status_code == 200
    obj = objects[model]
    assert client.get(reverse(f"admin:recommendations_{model}_change", args=[obj.pk])).status_code == 200
    if model == "recommendation":
        history = reverse("admin:recommendations_recommendation_history", args=[obj.pk])
        assert client.get(history).status_code == 200
        assert client.get(reverse("admin:recommendations_recommendation_add")).status_code == 403


@pytest.fixture
def admin_client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
