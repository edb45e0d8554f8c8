"""The recommendation page's body is kept (recommendations/detail_page.py): every write it shows
draws it afresh, a write to another recommendation leaves it kept, and the buttons and links are
each person's own."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from recommendations import services
from tests.factories.recommendations import ActionFactory
from tests.factories.reviews import FindingFactory

SOON = timezone.localdate() + timedelta(days=10)


def visit(client, rec, prefix=""):
    """The page and whether its body was drawn (not when it was kept)."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(prefix + rec.get_absolute_url())
    assert page.status_code == 200
    return page.content.decode(), any('"rationale"' in q["sql"] for q in queries)


@pytest.fixture
def kept(client, world, make_rec):
    rec = make_rec("in_progress", text="Name the team in every letter.")
    client.force_login(world.manager)
    assert visit(client, rec)[1] and not visit(client, rec)[1]  # drawn, then kept
    return rec


def _respond(w, rec):
    response = rec.response  # the landlord's answer changed (the one written when it was accepted)
    response.reason = "Shown reason."
    response.save()
    return "Shown reason."


def _finding_restated(w, rec):
    finding = FindingFactory(review=w.review, statement="Old finding.")
    rec.findings.add(finding)
    finding.statement = "Shown finding."
    finding.save()
    return "Shown finding."


def _action_changed(w, rec):
    action = ActionFactory(recommendation=rec, owner=w.owner, what="Old step.")
    services.update_action(action=action, by=w.manager, what="Shown step.", owner=w.owner, due_date=SOON,
                           status="underway")
    return "Shown step."


def _renamed(w, rec):
    w.owner.display_name = "Shown Name"
    w.owner.save()
    return "Shown Name"


def _retitled(w, rec):
    w.review.title = "Shown review"
    w.review.save()
    return "Shown review"


def _verified(w, rec):
    rec.status = "implemented"
    rec.save()
    services.verify(recommendation=rec, by=w.member, impact_statement="Shown impact.")
    return "Shown impact."


def _text_changed(w, rec):
    rec.text = "Shown text."
    rec.save()
    return "Shown text."


@pytest.mark.parametrize("write", [
    _text_changed, _respond,
    lambda w, rec: services.add_action(recommendation=rec, by=w.manager, what="Shown step.",
                                       owner=w.owner, due_date=SOON) and "Shown step.",
    _action_changed,
    lambda w, rec: services.add_progress(recommendation=rec, by=w.owner, text="Shown progress.")
    and "Shown progress.",
    _finding_restated, _verified, _renamed, _retitled,
], ids=["its text", "a response", "an action added", "an action changed", "progress",
        "a linked finding changed", "verified", "a person shown renamed", "its review retitled"])
def test_a_write_it_shows_draws_it_afresh(client, world, kept, write):
    shown = write(world, kept)
    page, drawn = visit(client, kept)
    assert drawn and shown in page


def test_a_finding_linked_or_unlinked_draws_it_afresh(client, world, make_rec):
    finding = FindingFactory(review=world.review, statement="The letters name nobody.")
    rec = make_rec("in_progress")
    client.force_login(world.manager)
    assert visit(client, rec)[1] and not visit(client, rec)[1]
    rec.findings.add(finding)
    page, drawn = visit(client, rec)
    assert drawn and "The letters name nobody." in page
    assert not visit(client, rec)[1]
    finding.recommendations.clear()
    page, drawn = visit(client, rec)
    assert drawn and "The letters name nobody." not in page


def test_a_write_to_another_recommendation_leaves_it_kept(client, world, make_rec, kept):
    other = make_rec("in_progress", text="Phone back within a day.")
    services.add_progress(recommendation=other, by=world.owner, text="Calls returned.")
    other.text = "Phone back within the hour."
    other.save()
    page, drawn = visit(client, kept)
    assert not drawn and "Name the team in every letter." in page


def test_each_language_is_kept_apart(client, kept):
    page, drawn = visit(client, kept, prefix="/cy")
    assert drawn and 'lang="cy"' in page


def test_buttons_and_links_are_each_persons_own(client, world, kept):
    mine = ActionFactory(recommendation=kept, owner=world.other_officer, what="Reprint the letters.")
    ActionFactory(recommendation=kept, owner=world.owner, what="Change the website.")
    manager_page, _ = visit(client, kept)
    assert "Mark as implemented" in manager_page and manager_page.count(">Update<") == 2

    client.force_login(world.other_officer)  # owns one action only
    page, drawn = visit(client, kept)
    assert not drawn  # the same body, kept
    assert "Mark as implemented" not in page and "Add an action" not in page
    assert page.count(">Update<") == 1 and f"/actions/{mine.pk}/" in page
    assert "Add a progress update" in page

    client.force_login(world.member)
    page, drawn = visit(client, kept)
    assert not drawn and "Reprint the letters." in page
    assert ">Update<" not in page and "Mark as implemented" not in page
    assert "Add a progress update" not in page
