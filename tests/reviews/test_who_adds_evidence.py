"""Scrutiny is independent: the panel decides what evidence it takes. Its members and its
supporting officer add evidence; an officer who is not on the panel reads the review but does
not add to it (they give the panel what it asks for through the supporting officer)."""

import html

import pytest

from reviews.models import Evidence
from tests.db_unchanged import assert_db_unchanged

pytestmark = pytest.mark.django_db


def _figure(title):
    return {"measure": title, "value": "91.5", "unit": "%", "period": "2016/17",
            "higher_is_better": "True"}


def test_an_officer_not_on_the_panel_reads_the_review_but_cannot_add_evidence(client, world):
    client.force_login(world.officer)
    page = client.get(world.review.get_absolute_url())
    assert page.status_code == 200
    assert "Add a document" not in page.content.decode()
    with assert_db_unchanged():
        refused = client.post(f"/reviews/{world.review.pk}/evidence/add/figure/", _figure("Repairs on time"))
    assert refused.status_code == 403
    assert "send it to the panel's supporting officer" in html.unescape(refused.content.decode())
    assert not Evidence.objects.filter(title="Repairs on time").exists()


def test_the_panels_supporting_officer_adds_evidence_named_as_theirs(client, world):
    client.force_login(world.supporting_officer)
    assert "Add a document" in client.get(world.review.get_absolute_url()).content.decode()
    response = client.post(f"/reviews/{world.review.pk}/evidence/add/figure/",
                           _figure("Complaints answered in 5 days"), follow=True)
    evidence = Evidence.objects.get(title="Complaints answered in 5 days")
    assert evidence.added_by == world.supporting_officer
    assert "Daniel Okafor" in response.content.decode()  # the page says who added it
