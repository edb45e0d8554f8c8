"""Marking a recommendation implemented while some of its actions are open asks what happened to
each one (done, or dropped with a reason), so a verified recommendation never shows actions
"Not started"."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations import services
from recommendations.models import Action
from tests.factories.recommendations import ActionFactory


def _evidence():
    return SimpleUploadedFile("letter.txt", b"A letter naming the team.")


def _rec_with_actions(make_rec, world):
    rec = make_rec("in_progress")
    done = ActionFactory(recommendation=rec, what="Train the team", status="done",
                         completed_on=timezone.localdate())
    letters = ActionFactory(recommendation=rec, what="Reprint the letters")
    leaflet = ActionFactory(recommendation=rec, what="Print a leaflet", status="underway")
    return rec, done, letters, leaflet


def _states(rec):
    return sorted(Action.objects.filter(recommendation=rec).values_list("what", "status", "dropped_reason"))


def test_the_service_refuses_while_an_open_action_is_not_accounted_for(world, make_rec):
    rec, _, letters, leaflet = _rec_with_actions(make_rec, world)
    before = _states(rec)
    with pytest.raises(ValidationError) as refused:
        services.implement(recommendation=rec, by=world.owner, summary="Letters changed.",
                           evidence=_evidence(), what_happened={letters.pk: ("done", "")})
    assert refused.value.message_dict == {
        f"action_{leaflet.pk}": ['Say whether "Print a leaflet" was done or dropped.'],
    }
    rec.refresh_from_db()
    assert rec.status == "in_progress" and _states(rec) == before


def test_the_service_refuses_a_dropped_action_without_a_reason(world, make_rec):
    rec, _, letters, leaflet = _rec_with_actions(make_rec, world)
    before = _states(rec)
    with pytest.raises(ValidationError) as refused:
        services.implement(recommendation=rec, by=world.owner, summary="Letters changed.",
                           evidence=_evidence(),
                           what_happened={letters.pk: ("done", ""), leaflet.pk: ("dropped", "  ")})
    assert refused.value.message_dict == {f"reason_{leaflet.pk}": ['Say why "Print a leaflet" was dropped.']}
    rec.refresh_from_db()
    assert rec.status == "in_progress" and _states(rec) == before


def test_each_open_action_is_recorded_as_done_or_dropped_with_its_reason(world, make_rec):
    rec, _, letters, leaflet = _rec_with_actions(make_rec, world)
    services.implement(recommendation=rec, by=world.owner, summary="Letters changed.", evidence=_evidence(),
                       what_happened={letters.pk: ("done", ""),
                                      leaflet.pk: ("dropped", "Tenants said a leaflet would not help.")})
    rec.refresh_from_db()
    assert rec.status == "implemented"
    assert _states(rec) == [
        ("Print a leaflet", "dropped", "Tenants said a leaflet would not help."),
        ("Reprint the letters", "done", ""),
        ("Train the team", "done", ""),
    ]
    letters.refresh_from_db()
    assert letters.completed_on == timezone.localdate()


def test_the_page_asks_about_each_open_action_and_keeps_what_was_typed_when_refused(
    client, world, make_rec
):
    rec, _, letters, leaflet = _rec_with_actions(make_rec, world)
    before = _states(rec)
    client.force_login(world.owner)
    page = client.get(f"/recommendations/{rec.pk}/implemented/").content.decode()
    assert "Reprint the letters" in page and "Print a leaflet" in page
    assert "Train the team" not in page  # already done: nothing to ask
    assert f'name="action_{letters.pk}"' in page and f'name="reason_{leaflet.pk}"' in page

    response = client.post(f"/recommendations/{rec.pk}/implemented/", {
        "summary": "Letters now name the officer.", "evidence": _evidence(),
        f"action_{letters.pk}": "done", f"action_{leaflet.pk}": "dropped",
        f"reason_{leaflet.pk}": "",
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<a href="#id_reason_{leaflet.pk}">' in page
    assert "Say why &quot;Print a leaflet&quot; was dropped." in page
    assert ">\nLetters now name the officer.</textarea>" in page
    chosen = re.findall(r'name="(action_\d+)" value="(\w+)"\s+id="[^"]+" required checked', page)
    assert sorted(chosen) == sorted([(f"action_{letters.pk}", "done"), (f"action_{leaflet.pk}", "dropped")])
    rec.refresh_from_db()
    assert rec.status == "in_progress" and _states(rec) == before


def test_the_recommendation_page_shows_a_dropped_action_with_its_reason(client, world, make_rec):
    rec, _, letters, leaflet = _rec_with_actions(make_rec, world)
    client.force_login(world.owner)
    response = client.post(f"/recommendations/{rec.pk}/implemented/", {
        "summary": "Letters now name the officer.", "evidence": _evidence(),
        f"action_{letters.pk}": "done", f"action_{leaflet.pk}": "dropped",
        f"reason_{leaflet.pk}": "Tenants said a leaflet would not help.",
    })
    assert response.status_code == 302
    page = client.get(rec.get_absolute_url()).content.decode()
    assert "Dropped" in page and "Tenants said a leaflet would not help." in page
    assert "Not started" not in page and "Underway" not in page


def test_an_action_dropped_from_its_own_form_needs_a_reason(client, world, make_rec):
    rec = make_rec("in_progress")
    action = ActionFactory(recommendation=rec, what="Print a leaflet")
    client.force_login(world.owner)
    form = {"what": action.what, "owner": world.owner.pk, "due_date": action.due_date.isoformat(),
            "status": "dropped", "dropped_reason": "", "version": action.version}
    response = client.post(f"/recommendations/{rec.pk}/actions/{action.pk}/", form)
    assert response.status_code == 200
    assert "Say why the action was dropped." in response.content.decode()
    action.refresh_from_db()
    assert action.status == "not_started"
    response = client.post(f"/recommendations/{rec.pk}/actions/{action.pk}/",
                           {**form, "dropped_reason": "Nobody reads leaflets."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.dropped_reason) == ("dropped", "Nobody reads leaflets.")
