"""On PostgreSQL, search reads stored, GIN-indexed search words written when things are saved."""

import pytest
from django.db import connection

from reviews.models import Evidence, Finding, Review
from reviews.search import refresh_all
from tests.conftest import need_service
from tests.factories.reviews import (
    DocumentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
)
from tests.reviews import listed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgresql():
    need_service(connection.vendor == "postgresql", "stored search words are PostgreSQL's: set DATABASE_URL")


def test_saving_writes_the_search_words_and_editing_rewrites_them(client, world):
    finding = FindingFactory(review=world.review, statement="Repairs were recorded late.")
    assert "repair" in str(Finding.objects.get(pk=finding.pk).search)
    finding.statement = "Letters were polite."
    finding.save()
    stored = str(Finding.objects.get(pk=finding.pk).search)
    assert "polit" in stored and "repair" not in stored
    world.review.scope = "Gas safety checks"
    world.review.save()
    assert "gas" in str(Review.objects.get(pk=world.review.pk).search)


def test_evidence_search_words_include_its_kinds_own_fields(client, world):
    figure = PerformanceFigureFactory(review=world.review, measure="Calls answered within a minute")
    interview = InterviewFactory(review=world.review, notes="The caretaker explained the rota.")
    assert "answer" in str(Evidence.objects.get(pk=figure.pk).search)
    assert "caretak" in str(Evidence.objects.get(pk=interview.pk).search)
    client.force_login(world.member)
    assert listed.titles(client.get("/reviews/evidence/?q=caretakers")) == [interview.title]


def test_refresh_all_writes_the_same_words_as_saving(world):
    figure = PerformanceFigureFactory(review=world.review, measure="Homes re-let within 30 days")
    finding = FindingFactory(review=world.review, statement="Empty homes wait too long.")
    saved = {m: str(m.objects.get(pk=o.pk).search) for m, o in ((Evidence, figure), (Finding, finding))}
    Evidence.objects.update(search=None)
    Finding.objects.update(search=None)
    refresh_all()
    for model, obj in ((Evidence, figure), (Finding, finding)):
        assert set(str(model.objects.get(pk=obj.pk).search).split()) == set(saved[model].split())


def test_the_search_columns_have_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexdef LIKE '%USING gin (search)%'")
        names = {row[0] for row in cursor.fetchall()}
    assert {"review_search_gin", "finding_search_gin", "evidence_search_gin"} <= names


def test_searching_uses_the_stored_words_not_a_vector_built_per_row(world):
    from reviews.search import search_evidence, search_reviews

    for sql in (str(search_reviews(Review.objects.all(), "repairs").query),
                str(search_evidence(Evidence.objects.all(), "repairs").query)):
        assert "to_tsvector" not in sql and '"search" @@' in sql


def test_evidence_titles_have_a_trigram_index_for_part_of_a_word(client, world):
    """"Title contains these letters" is read from an index, and still finds part of a word."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'evidence_title_trigrams'")
        (definition,) = cursor.fetchone()
    assert "gin_trgm_ops" in definition and "upper" in definition.lower()
    DocumentFactory(review=world.review, title="Caretaking rota")
    client.force_login(world.member)
    assert listed.titles(client.get("/reviews/evidence/?q=aretak")) == ["Caretaking rota"]


def test_text_too_short_for_a_trigram_matches_whole_words_only(client, world):
    """Two letters would match inside most titles and no index can find them: they are matched
    as words."""
    DocumentFactory(review=world.review, title="Abbey Road estate walkabout")
    DocumentFactory(review=world.review, title="Notes from the AB meeting")
    client.force_login(world.member)
    assert listed.titles(client.get("/reviews/evidence/?q=ab")) == ["Notes from the AB meeting"]
    assert listed.titles(client.get("/reviews/evidence/?q=abb")) == ["Abbey Road estate walkabout"]


def test_the_search_indexes_are_written_at_once_not_through_a_pending_list():
    """A GIN index's pending list is read through on every search until a vacuum merges it;
    these indexes take each saved row at once instead."""
    names = ["review_search_gin", "finding_search_gin", "evidence_search_gin", "evidence_title_trigrams"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(%s)", [names])
        options = dict(cursor.fetchall())
    assert options == {name: ["fastupdate=off"] for name in names}
