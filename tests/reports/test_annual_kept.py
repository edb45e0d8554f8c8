"""A year's Annual Report is kept until what it shows changes: each kind of write it shows renews
its version (and the page then shows the change), while writes it does not show leave it kept."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import Framework, Indicator, IndicatorValue
from comparisons.models import TsmImport
from mysteryshop.services.visits import refresh_totals
from recommendations.models import Status
from reports import assessment as assessment_services
from reports.annual import kept
from reports.models import AssessmentSection
from scrutiny.models import SiteSettings
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory
from tests.factories.mysteryshop import VisitFactory
from tests.factories.panels import MeetingFactory, MembershipFactory, TrainingFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reports import approved_report
from tests.factories.reviews import FindingFactory, ReviewFactory
from tests.reports.annual_year import complete, moment


@pytest.fixture
def year_review(world):
    """A review completed in the report's year, and one completed three years before it."""
    now = ReviewFactory(panel=world.panel, title="Repairs", stage="response")
    complete(now, moment(world.year, 30))
    old = ReviewFactory(panel=world.panel, title="Lettings", stage="response")
    complete(old, moment(world.year - 3, 30))
    return now, old


def _charter_value(year):
    indicator = Indicator.objects.filter(framework__code="scottish-social-housing-charter-2022").first()
    return IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal("80"))


def _score(year):
    framework = Framework.objects.get(code="scottish-social-housing-charter-2022")
    assessment = SelfAssessmentFactory(framework=framework, opens_on=moment(year, 1).date(),
                                       closes_on=moment(year, 20).date())
    ScoreFactory(assessor=AssessorFactory(self_assessment=assessment), outcome=framework.outcomes.first(),
                 value=2)


def _verify(world, year):
    RecommendationFactory(review=world.review, status=Status.VERIFIED, verified_at=moment(year, 40),
                          submitted_at=moment(year, 10), implemented_at=moment(year, 20))


def _settings():
    site = SiteSettings.load()
    site.landlord_name = "Tay Homes"
    site.save()


def _text(world):
    assessment_services.save_section(year=world.year, section="scrutiny", text="We did a lot.", version=None,
                                     by=world.member)


def _publish(world):
    record = approved_report(world.year)
    record.published = True
    record.save()


def _bulk_visit(year):
    visit = VisitFactory(visited_at=moment(year, 70), status="submitted")
    cache.clear()  # as if the visit were saved before the report was drawn: only the totals follow
    refresh_totals(visit)


SHOWN = {
    "a finding in a review completed in the year": lambda w, r: FindingFactory(review=r[0]),
    "a recommendation verified in the year": lambda w, r: _verify(w, w.year),
    "a recommendation verified the year before (compared with)": lambda w, r: _verify(w, w.year - 1),
    "a mystery shop in the year": lambda w, r: VisitFactory(visited_at=moment(w.year, 60)),
    "a mystery shop's score, written in bulk": lambda w, r: _bulk_visit(w.year),
    "a meeting in the year": lambda w, r: MeetingFactory(panel=w.panel, date=moment(w.year, 50).date()),
    "training in the year": lambda w, r: TrainingFactory(user=w.member,
                                                         completed_on=moment(w.year, 5).date()),
    "a new panel member": lambda w, r: MembershipFactory(panel=w.panel, joined_on=moment(w.year, 5).date()),
    "a figure for the year": lambda w, r: _charter_value(w.year),
    "a figure for the year before": lambda w, r: _charter_value(w.year - 1),
    "a score in the year's self-assessment": lambda w, r: _score(w.year),
    "the panel's words": lambda w, r: _text(w),
    "publishing the report": lambda w, r: _publish(w),
    "the site settings": lambda w, r: _settings(),
    "the regulator's figures imported": lambda w, r: TsmImport.objects.create(file_name="tsm.xlsx",
                                                                              sha256="a" * 64),
}

NOT_SHOWN = {
    "a finding in a review completed three years before": lambda w, r: FindingFactory(review=r[1]),
    "a finding in a review not yet completed": lambda w, r: FindingFactory(review=w.review),
    "a mystery shop two years later": lambda w, r: VisitFactory(visited_at=moment(w.year + 2, 60)),
    "a figure for two years later": lambda w, r: _charter_value(w.year + 2),
    "a sign-in": lambda w, r: w.client.force_login(w.member),
    "a draft recommendation": lambda w, r: RecommendationFactory(review=w.review, status=Status.DRAFT,
                                                               submitted_at=None),
    "a self-assessment of three years before": lambda w, r: _score(w.year - 3),
}


@pytest.mark.parametrize("write", SHOWN.values(), ids=SHOWN.keys())
def test_a_write_the_report_shows_renews_its_version(world, year_review, write, client):
    world.client = client
    before = kept.version(world.year)
    write(world, year_review)
    assert kept.version(world.year) != before


@pytest.mark.parametrize("write", NOT_SHOWN.values(), ids=NOT_SHOWN.keys())
def test_a_write_the_report_does_not_show_leaves_it_kept(world, year_review, write, client):
    world.client = client
    before = kept.version(world.year)
    write(world, year_review)
    assert kept.version(world.year) == before


def _page(client, world):
    """The page, and how many queries beyond the person's session and account it took."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/reports/annual/{world.year}/").content.decode()
    drawing = [q for q in queries.captured_queries
               if "django_session" not in q["sql"] and "accounts_user" not in q["sql"]]
    return page, len(drawing)


def test_a_kept_page_is_drawn_again_for_a_new_finding_in_its_year_only(client, world, year_review):
    client.force_login(world.member)
    _page(client, world)
    page, queries = _page(client, world)
    assert queries == 0 and "Repairs</strong>: scrutiny review by SURE Team of Complaints. 0 findings" in page

    FindingFactory(review=year_review[1])
    page, queries = _page(client, world)
    assert queries == 0 and "Repairs</strong>: scrutiny review by SURE Team of Complaints. 0 findings" in page

    FindingFactory(review=year_review[0])
    page, queries = _page(client, world)
    assert queries > 0 and "Repairs</strong>: scrutiny review by SURE Team of Complaints. 1 finding " in page


def test_a_deleted_finding_is_seen_at_once(client, world, year_review):
    finding = FindingFactory(review=year_review[0])
    client.force_login(world.member)
    assert "1 finding " in _page(client, world)[0]
    finding.delete()
    assert "0 findings" in _page(client, world)[0]


def test_the_panels_words_saved_show_at_once(client, world):
    client.force_login(world.member)
    _page(client, world)
    _text(world)
    assert AssessmentSection.objects.filter(text="We did a lot.").exists()
    assert "We did a lot." in _page(client, world)[0]


def test_this_years_report_is_kept_for_the_day_only(world):
    this_year = world.year + 1
    today = timezone.localdate()
    assert kept.version(this_year).endswith(today.strftime("%Y%m%d"))
    assert not kept.version(world.year - 2).endswith(today.strftime("%Y%m%d"))
