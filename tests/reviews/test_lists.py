"""The review list and the evidence list: who sees what, filters, text search and pages."""

import datetime

from reviews.models import ReviewKind, Stage
from tests.factories.panels import PanelFactory
from tests.factories.reviews import (
    DocumentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
    ServiceAreaFactory,
)
from tests.reviews import listed


def test_tenants_see_their_panels_reviews_and_staff_see_all(client, world):
    other = ReviewFactory(panel=PanelFactory(name="Quality Panel"), title="Empty homes standard")
    client.force_login(world.member)
    assert listed.titles(client.get("/reviews/")) == ["Complaints handling"]
    client.force_login(world.manager)
    assert set(listed.titles(client.get("/reviews/"))) == {"Complaints handling", other.title}


def test_reviews_filter_by_panel_area_stage_type_and_year(client, world):
    quality = PanelFactory(name="Quality Panel")
    repairs = ServiceAreaFactory(name="Repairs")
    ReviewFactory(panel=quality, title="Void inspections", kind=ReviewKind.INSPECTION,
                  service_area=ServiceAreaFactory(name="Empty homes"), stage=Stage.EVIDENCE,
                  planned_start=datetime.date(2015, 11, 1))
    ReviewFactory(panel=world.panel, title="Repairs communications", service_area=repairs,
                  stage=Stage.MONITORING, planned_start=datetime.date(2016, 1, 10))
    client.force_login(world.officer)

    assert listed.titles(client.get(f"/reviews/?panel={quality.pk}")) == ["Void inspections"]
    assert listed.titles(client.get(f"/reviews/?service_area={repairs.pk}")) == ["Repairs communications"]
    assert listed.titles(client.get("/reviews/?stage=evidence")) == ["Void inspections"]
    assert listed.titles(client.get("/reviews/?kind=inspection")) == ["Void inspections"]
    assert listed.titles(client.get("/reviews/?year=2016")) == ["Repairs communications"]
    assert listed.titles(client.get(f"/reviews/?year=2015&panel={world.panel.pk}")) == []


def test_review_search_covers_titles_scope_and_findings(client, world):
    ReviewFactory(panel=world.panel, title="Communications in the repairs service",
                  scope="Appointment letters and text messages.")
    FindingFactory(review=world.review, statement="No private space to make a complaint at reception.")
    client.force_login(world.member)

    assert listed.titles(client.get("/reviews/?q=repairs")) == ["Communications in the repairs service"]
    found = listed.titles(client.get("/reviews/?q=appointment letters"))
    assert found == ["Communications in the repairs service"]
    assert listed.titles(client.get("/reviews/?q=private reception")) == ["Complaints handling"]
    assert listed.titles(client.get("/reviews/?q=complaints")) == ["Complaints handling"]
    assert listed.titles(client.get("/reviews/?q=gardening")) == []
    assert "No reviews match" in client.get("/reviews/?q=gardening").content.decode()


def test_review_list_is_paginated_keeping_the_filters(client, world):
    for n in range(25):
        ReviewFactory(panel=world.panel, title=f"Estate walkabout {n:02d}")
    client.force_login(world.member)
    first = client.get("/reviews/?q=walkabout")
    assert len(listed.titles(first)) == 20
    assert "?q=walkabout&amp;page=2" in first.content.decode()
    second = client.get("/reviews/?q=walkabout&page=2")
    assert len(listed.titles(second)) == 5
    assert "Page 2 of 2" in second.content.decode()


def test_evidence_list_filters_and_searches(client, world):
    other_review = ReviewFactory(panel=world.panel, title="Repairs communications", stage=Stage.ANALYSIS)
    DocumentFactory(review=world.review, title="Complaints policy", date=datetime.date(2015, 4, 1))
    PerformanceFigureFactory(review=world.review, measure="Stage 2 answered in 20 days")
    InterviewFactory(review=other_review, interviewee_role="Call centre team leader",
                     notes="No text message is sent when an appointment moves.")
    client.force_login(world.member)

    def titles(query):
        return listed.titles(client.get(f"/reviews/evidence/?{query}"))

    assert titles(f"review={world.review.pk}&kind=document") == ["Complaints policy"]
    assert titles("kind=figure") == ["Stage 2 answered in 20 days"]
    assert titles("stage=analysis") == ["Interview with Call centre team leader"]
    assert titles("year=2015") == ["Complaints policy"]
    assert titles("q=appointment") == ["Interview with Call centre team leader"]
    assert titles(f"panel={world.panel.pk}&service_area={world.review.service_area_id}&q=policy") == [
        "Complaints policy"
    ]


def test_evidence_list_shows_only_evidence_the_person_may_see(client, world):
    DocumentFactory(review=ReviewFactory(panel=PanelFactory()), title="Another panel's paper")
    DocumentFactory(review=world.review, title="Our paper")
    client.force_login(world.member)
    page = client.get("/reviews/evidence/").content.decode()
    assert "Our paper" in page
    assert "Another panel&#x27;s paper" not in page and "Another panel's paper" not in page
    client.force_login(world.officer)
    assert "2 pieces of evidence" in client.get("/reviews/evidence/").content.decode()


def test_search_uses_full_text_search_on_postgresql_and_plain_matching_elsewhere(client, world):
    """PostgreSQL matches word stems ("recorded" finds "record"); SQLite matches the letters."""
    from django.db import connection

    FindingFactory(review=world.review, statement="Staff record every complaint made in person.")
    client.force_login(world.member)
    found = listed.titles(client.get("/reviews/?q=recorded"))
    if connection.vendor == "postgresql":
        assert found == ["Complaints handling"]
    else:
        assert found == []
    assert listed.titles(client.get("/reviews/?q=record person")) == ["Complaints handling"]


def test_a_long_evidence_list_counts_no_further_than_its_limit(client, world, monkeypatch):
    """Past the limit the list says "more than", keeps its pages to the limit and asks for words
    or filters; below it, it gives the exact number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reviews.views import common

    monkeypatch.setattr(common, "COUNT_UP_TO", 3)
    monkeypatch.setattr(common, "PAGE_SIZE", 2)
    for n in range(5):
        DocumentFactory(review=world.review, title=f"Tenancy paper {n}")
    client.force_login(world.manager)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/reviews/evidence/")
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    page = response.content.decode()
    assert "More than 3 pieces of evidence" in page
    assert "The newest 3 are listed. To find others, search for words or choose" in page
    assert "Page 1 of 2" in page  # 3 results at 2 a page, not 5
    second = client.get("/reviews/evidence/?page=2")
    assert len(listed.titles(second)) == 1
    assert "The newest 3 are listed" in second.content.decode()  # a page of the whole list
    assert len(counts) == 1 and "LIMIT 4" in counts[0]
    searched = client.get("/reviews/evidence/?q=tenancy").content.decode()
    assert "More than 3 pieces of evidence" in searched and "The first 3 are listed" in searched
    monkeypatch.setattr(common, "COUNT_UP_TO", 5)
    page = client.get("/reviews/evidence/?q=tenancy").content.decode()
    assert "5 pieces of evidence" in page and "More than" not in page


def test_the_filters_are_drawn_once_and_show_what_was_typed_and_each_new_choice(client, world):
    # The filter fields are kept (reviews/filter_form.py): kept drawings must still follow what
    # was typed and the choices as they stand.
    from unittest import mock

    from reviews import filter_form

    client.force_login(world.officer)
    client.get("/reviews/")
    with mock.patch("reviews.filter_form.draw", wraps=filter_form.draw) as drawn:
        page = client.get("/reviews/").content.decode()
        assert drawn.call_count == 0
        assert 'name="q"' in page and 'value="late repairs"' not in page
        assert 'value="late repairs"' in client.get("/reviews/?q=late+repairs").content.decode()
        assert drawn.call_count == 1
        ServiceAreaFactory(name="Grounds maintenance")
        assert "Grounds maintenance" in client.get("/reviews/").content.decode()
        assert drawn.call_count == 2
