"""Each report made by the worker and read back with pypdf: title, language, tagged structure,
headings in order, figures with alternative text, header cells, and the expected words."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Indicator, IndicatorValue
from mysteryshop.models import VisitStatus
from recommendations.models import Status as RecStatus
from reports import makers
from reports.annual import year_of
from reports.models import Kind, ReportRequest
from reviews.models import ReviewKind, Stage, StageChange
from scrutiny.models import SiteSettings
from tests.factories.assessments import FrameworkFactory
from tests.factories.mysteryshop import VisitFactory
from tests.factories.panels import AttendanceFactory, MeetingFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reports import approved_report
from tests.factories.reviews import FindingFactory, ReviewFactory
from tests.reports.pdf_checks import (
    assert_accessible,
    captions_apart_from_their_tables,
    links,
    printed_text_sizes,
    read,
)


def _make(kind, by, **parameters):
    return makers.make(ReportRequest(kind=kind, parameters=parameters, requested_by=by))


@pytest.fixture
def year_of_work(world):
    """A year in which the panel completed a review and the landlord acted on it."""
    fy = year_of(world.year)
    start = fy.period.start
    middle = timezone.make_aware(timezone.datetime(start.year, start.month, 1)) + timedelta(days=60)
    change = StageChange.objects.create(
        review=world.review, from_stage=Stage.REPORTING, to_stage=Stage.RESPONSE
    )
    StageChange.objects.filter(pk=change.pk).update(changed_at=middle)
    finding = FindingFactory(review=world.review, statement="Letters did not say who was dealing with it.")
    rec = RecommendationFactory(review=world.review, status=RecStatus.VERIFIED,
                                text="Name the officer in every complaint letter.")
    rec.findings.add(finding)
    rec.__class__.objects.filter(pk=rec.pk).update(
        submitted_at=middle, implemented_at=middle + timedelta(days=30),
        verified_at=middle + timedelta(days=60),
    )
    rec.response.responded_at = middle + timedelta(days=5)
    rec.response.save()
    ActionFactory(recommendation=RecommendationFactory(review=world.review, status=RecStatus.IN_PROGRESS),
                  what="Rewrite the acknowledgement letter")
    meeting = MeetingFactory(panel=world.panel, date=fy.period.start + timedelta(days=30))
    AttendanceFactory(meeting=meeting, user=world.chair, status="present", hours=3)
    approved_report(world.year, by=world.chair, text="The landlord listened, but answers were slow.")
    charter = FrameworkFactory(name="Scottish Social Housing Charter")
    repairs = Indicator.objects.create(
        framework=charter, code="I8", title="Repairs right first time", unit="%"
    )
    IndicatorValue.objects.create(indicator=repairs, year=world.year, value=Decimal("91.5"), target=90)
    IndicatorValue.objects.create(indicator=repairs, year=world.year - 1, value=Decimal("88.0"))
    VisitFactory(status=VisitStatus.SUBMITTED, score=Decimal("82.5"), visited_at=middle)
    site = SiteSettings.load()
    site.contact_email = "panel@example.org"
    site.save()
    return fy


def test_annual_report_pdf_is_tagged_titled_and_complete(world, year_of_work):
    made = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=False)

    title = f"Annual Report to Tenants {year_of_work.label}"
    reader, text, found = assert_accessible(made.content, title=title, max_pages=20)
    for heading in ("How we performed", "Scottish Social Housing Charter", "I8: Repairs right first time",
                    "91.5%", "88%", "Better than last year; target met.",
                    "Mystery shopping and inspections", "Mystery shops: average score", "82.5%",
                    "What tenant scrutiny did this year", "Recommendations and what happened to them",
                    "You said, we did", "The panels' volunteering", "How to get involved",
                    "What the panel thinks", "What this means"):
        assert heading in text, heading
    assert "Name the officer in every complaint letter." in text
    assert "The landlord listened, but answers were slow." in text
    assert "Complaints handling" in text
    # Charts: indicators, scrutiny work, mystery shopping, recommendations, volunteering.
    assert found.tags.count("/Figure") >= 5
    assert any(alt.startswith("Recommendations in ") for alt in found.alts)
    assert found.tags.count("/TH") >= 10
    assert made.pages == len(reader.pages)
    assert len(made.content) < 5_000_000
    assert captions_apart_from_their_tables(made.content) == []
    # Live links: each contents entry goes to its section; the panel's email can be written to.
    targets = {str(link["dest"]) for link in links(reader)}
    assert {"section-performance", "section-get-involved"} <= targets
    assert "mailto:panel@example.org" in {link["uri"] for link in links(reader)}


def _sizes_of(pdf, words):
    """The printed size (points) of each piece of text starting with one of the words."""
    import io

    from pypdf import PdfReader

    sizes = {}

    def visit(text, cm, tm, font, size):
        for word in words:
            if text.strip().startswith(word):
                sizes.setdefault(word, set()).add(round(size * tm[0], 1))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


BODY_TEXT = ("In ", "A recommendation is", "Tenant scrutiny is open", "Each change below")


def test_large_print_annual_report_sets_body_text_at_16_points(world, year_of_work):
    large = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=True)
    normal = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=False)

    assert_accessible(large.content, title=f"Annual Report to Tenants {year_of_work.label}", max_pages=30)
    large_sizes, normal_sizes = _sizes_of(large.content, BODY_TEXT), _sizes_of(normal.content, BODY_TEXT)
    assert set(large_sizes) == set(BODY_TEXT)
    assert min(min(s) for s in large_sizes.values()) >= 16
    assert max(max(s) for s in normal_sizes.values()) < 16
    assert large.pages >= normal.pages


def test_large_print_annual_report_prints_every_text_charts_included_at_16_points(world, year_of_work):
    large = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=True)
    normal = _make(Kind.ANNUAL, world.manager, year=world.year, large_print=False)

    sizes = printed_text_sizes(large.content)
    # Chart labels are drawn at 22 px, 16.5 pt; no body text, heading or table is that size.
    chart_text = [size for _, size in sizes if round(size, 1) == 16.5]
    assert len(chart_text) > 20
    too_small = sorted({(page, round(size, 1)) for page, size in sizes if round(size, 1) < 16})
    assert not too_small, f"text under 16 pt (page, size): {too_small}"
    assert captions_apart_from_their_tables(large.content) == []
    # The standard report's charts are scaled to the column with 16 px labels: 10 pt, under 16.
    assert min(size for _, size in printed_text_sizes(normal.content)) < 12


def test_review_report_pdf_shows_the_chain_from_finding_to_action(world, year_of_work):
    made = _make(Kind.REVIEW, world.manager, review=world.review.pk)

    _, text, found = assert_accessible(made.content, title="Review report: Complaints handling", max_pages=10)
    for words in ("1. Scope", "2. Method", "3. Evidence", "4. Findings",
                  "Recommendations, the landlord's response and the improvement plan",
                  "Letters did not say who was dealing with it.",
                  "Name the officer in every complaint letter.",
                  "The landlord's response", "Improvement plan", "Rewrite the acknowledgement letter",
                  "Checked by the panel"):
        assert words in text, words
    assert "/TH" in found.tags
    assert captions_apart_from_their_tables(made.content) == []


def test_tracker_report_pdf_lists_the_filtered_recommendations(world, year_of_work):
    made = _make(Kind.TRACKER, world.manager, filters={"status": ["verified"]})

    _, text, found = assert_accessible(made.content, title="Recommendations tracker report", max_pages=10)
    assert "Name the officer in every complaint letter." in text
    assert "Rewrite" not in text  # the in-progress one is filtered out
    assert "1 recommendation, chosen by: status Verified" in text
    assert found.alts and found.alts[0].startswith("Recommendations by status")


def test_programme_report_pdf(world, year_of_work):
    programme = ReviewFactory(panel=world.panel, kind=ReviewKind.MYSTERY_SHOPPING, title="Office visits")
    FindingFactory(review=programme, statement="Two offices had no private room.")

    made = _make(Kind.PROGRAMME, world.manager, review=programme.pk)

    _, text, _ = assert_accessible(made.content, title="Programme report: Office visits", max_pages=10)
    assert "Standards most often not met" in text and "Two offices had no private room." in text


def test_standard_reports_print_every_text_charts_included_at_9_points_or_more(world, year_of_work):
    programme = ReviewFactory(panel=world.panel, kind=ReviewKind.MYSTERY_SHOPPING, title="Office visits")
    for days_ago in (5, 50):  # two months, so the programme report has its month-by-month chart too
        VisitFactory(review=programme, status=VisitStatus.SUBMITTED, score=Decimal("70"),
                     visited_at=timezone.now() - timedelta(days=days_ago))
    made = {
        "annual": _make(Kind.ANNUAL, world.manager, year=world.year, large_print=False),
        "tracker": _make(Kind.TRACKER, world.manager, filters={}),
        "programme": _make(Kind.PROGRAMME, world.manager, review=programme.pk),
    }

    for name, least_charts in (("annual", 5), ("tracker", 1), ("programme", 2)):
        _, _, found = read(made[name].content)
        assert found.tags.count("/Figure") >= least_charts, name
        # Each piece of text as printed: its font size times every scale the page and the
        # chart's drawing apply to it.
        sizes = printed_text_sizes(made[name].content)
        too_small = sorted({(page, round(size, 2)) for page, size in sizes if round(size, 2) < 9})
        assert not too_small, f"{name}: text under 9 pt (page, size): {too_small}"


def test_review_report_pdf_shows_a_dropped_action_with_its_reason(world):
    rec = RecommendationFactory(review=world.review, status=RecStatus.VERIFIED,
                                text="Name the officer in every complaint letter.")
    ActionFactory(recommendation=rec, what="Print a leaflet", status="dropped",
                  dropped_reason="Tenants said a leaflet would not help.")
    made = _make(Kind.REVIEW, world.manager, review=world.review.pk)

    _, text, _ = assert_accessible(made.content, title="Review report: Complaints handling", max_pages=10)
    flat = " ".join(text.split())
    assert "Print a leaflet" in flat
    assert "Dropped: Tenants said a leaflet would not help." in flat
    assert "Not started" not in flat
