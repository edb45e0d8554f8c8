"""The Annual Report to Tenants organised by the framework's outcomes: every outcome named, each
measure with this year, last year, target, the average to compare with and where the landlord
stands; the panel's words kept for every outcome and section, figures or not."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages

from assessments.models import ActionStatus, Framework, Indicator, IndicatorValue, Outcome
from reports import selectors
from reports.annual import year_of
from reports.models import AnnualReport, AssessmentSection
from scrutiny.models import SiteSettings
from tests.factories.assessments import (
    AssessorFactory,
    ImprovementActionFactory,
    ScoreFactory,
    SelfAssessmentFactory,
)
from tests.factories.reports import AnnualReportFactory

CHARTER_OUTCOMES = [
    "1. Equalities", "2. Communication", "3. Participation", "4. Quality of housing",
    "5. Repairs, maintenance and improvements",
    "6. Estate management, anti-social behaviour, neighbour nuisance and tenancy disputes",
    "7. Housing options", "8. Housing options", "9. Housing options", "10. Access to social housing",
    "11. Tenancy sustainment", "12. Homeless people", "13. Value for money", "14. Rents and service charges",
    "15. Rents and service charges", "16. Gypsy/Travellers",
]


def _charter():
    return Framework.objects.get(code="scottish-social-housing-charter-2022")


def _figure(code, year, value, *, framework=None, target=None, average=None):
    indicator = Indicator.objects.get(framework=framework or _charter(), code=code)
    return IndicatorValue.objects.create(
        indicator=indicator, year=year, value=Decimal(value),
        target=None if target is None else Decimal(target),
        peer_average=None if average is None else Decimal(average),
    )


def _words(year, key, text):
    record = AnnualReportFactory(year=year)
    AssessmentSection.objects.create(annual_report=record, section=key, text=text)


def _outcome(code, framework=None):
    return Outcome.objects.get(framework=framework or _charter(), code=code)


@pytest.fixture
def scotland(db):
    site = SiteSettings.load()
    site.country = "scotland"
    site.save()


def test_the_published_indicators_sit_under_their_outcomes(db):
    charter = _charter()
    repairs = Indicator.objects.get(framework=charter, code="13").outcome
    assert repairs.title == "Repairs, maintenance and improvements"
    assert Indicator.objects.get(framework=charter, code="7").outcome.code == "4"
    tsm = Framework.objects.get(code="tenant-satisfaction-measures")
    assert Indicator.objects.get(framework=tsm, code="BS01").outcome.title == "Maintaining building safety"
    complaints = Indicator.objects.get(framework=tsm, code="CH01").outcome
    assert complaints.title == "Effective handling of complaints"


def test_the_page_names_every_charter_outcome_with_its_measures_in_full(client, world, scotland):
    _figure("13", world.year, "92.4", target="90", average="90.1")
    _figure("13", world.year - 1, "89.0")
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    for outcome in CHARTER_OUTCOMES:
        assert f"Outcome {outcome}" in page.replace("&#x27;", "'"), outcome
    assert "A. The customer/landlord relationship" in page and "F. Other customers" in page
    assert ("13: Percentage of reactive repairs carried out in the last year completed right first time"
            in page)
    for shown in ("92.4%", "89%", "90%", "90.1%: better than the average", "Peer or national average"):
        assert shown in page, shown


def test_chart_bars_are_labelled_with_the_measures_names_not_their_numbers(world, scotland):
    _figure("13", world.year, "92.4", target="90")
    _figure("16", world.year, "81", target="85")

    report = selectors.annual_report(year=world.year)

    chart = next(s for s in report["sections"] if s.key == "performance").data["frameworks"][0].chart
    labels = [row[0] for row in chart.rows]
    assert labels == ["Percentage of reactive repairs…", "Percentage of tenants who have had…"]
    assert "13" not in labels and "16" not in labels


def test_a_worse_figure_than_the_average_says_so(world, scotland):
    _figure("12", world.year, "9.5", average="8.0")  # days to a non-emergency repair: lower is better

    report = selectors.annual_report(year=world.year)

    part = next(s for s in report["sections"] if s.key == "performance").data["frameworks"][0]
    measure = part.measures[0]
    assert (measure.compared.figure, measure.compared.position) == ("8 days", "Worse than the average")


def test_an_outcome_without_figures_shows_the_panels_words(client, world, scotland):
    _words(world.year, f"outcome-{_outcome('3').pk}", "Tenants told us the panel is easy to join.")
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    assert "Outcome 3. Participation" in page
    assert "Tenants told us the panel is easy to join." in page
    assert "There are no figures for this outcome" in page


def test_words_on_a_section_with_nothing_else_this_year_are_not_dropped(client, world, scotland):
    _words(world.year, "mystery-shopping", "No mystery shops this year: we trained new shoppers instead.")
    tsm = Framework.objects.get(code="tenant-satisfaction-measures")
    _words(world.year, f"outcome-{_outcome('T2', tsm).pk}",
           "Repairs words written when we reported on the English measures.")
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    assert "No mystery shops this year: we trained new shoppers instead." in page
    assert "Mystery shopping and inspections" in page
    assert "Repairs words written when we reported on the English measures." in page
    assert "Keeping properties in good repair" in page


def test_in_england_the_report_is_by_tenant_satisfaction_measure_theme(client, world):
    site = SiteSettings.load()
    site.country = "england"
    site.save()
    tsm = Framework.objects.get(code="tenant-satisfaction-measures")
    _figure("BS01", world.year, "99.2", framework=tsm, target="100", average="99.5")
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    for theme in ("Overall satisfaction", "Keeping properties in good repair", "Maintaining building safety",
                  "Respectful and helpful engagement", "Effective handling of complaints",
                  "Responsible neighbourhood management"):
        assert theme in page, theme
    assert "BS01: Gas safety checks" in page and "99.5%: worse than the average" in page
    assert "Outcome 1. Equalities" not in page


def test_approval_warns_but_does_not_refuse_when_a_section_has_only_words(client, world, scotland):
    _words(world.year, f"outcome-{_outcome('3').pk}", "Participation is strong.")
    client.force_login(world.chair)

    page = client.get(f"/reports/annual/{world.year}/assessment/").content.decode()
    assert "Outcome 3. Participation" in page
    assert "Outcome 3. Participation has the panel's words but no figures." in page

    response = client.post(f"/reports/annual/{world.year}/approve/")

    assert AnnualReport.objects.get(year=world.year).is_approved
    warnings = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert len(warnings) == 1 and "Outcome 3. Participation" in warnings[0]


def test_the_panel_writes_its_view_of_one_outcome(client, world, scotland):
    key = f"outcome-{_outcome('5').pk}"
    client.force_login(world.member)

    response = client.post(f"/reports/annual/{world.year}/assessment/{key}/",
                           {"text": "Repairs are quicker.", "version": 0})

    assert response.status_code == 302
    assert AssessmentSection.objects.get(section=key).text == "Repairs are quicker."


def test_the_years_pooled_self_assessment_has_its_section(client, world, scotland):
    fy = year_of(world.year)
    charter = _charter()
    done = SelfAssessmentFactory(framework=charter, title="Charter self-assessment",
                                 opens_on=fy.period.start, closes_on=fy.period.start + timedelta(days=30))
    tenant = AssessorFactory(self_assessment=done, user=world.member)
    ScoreFactory(assessor=tenant, outcome=_outcome("1"), value=4)
    ScoreFactory(assessor=tenant, outcome=_outcome("2"), value=1)
    ImprovementActionFactory(self_assessment=done, outcome=_outcome("2"), status=ActionStatus.DONE)
    ImprovementActionFactory(self_assessment=done, outcome=_outcome("2"))
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    assert "What tenants and staff said in the self-assessment" in page
    assert "Charter self-assessment" in page
    listed = page.split("<h3>Strengths</h3>")[1].split("<h3>Progress")[0]
    strengths, weaknesses = listed.split("<h3>Weaknesses</h3>")
    assert "Outcome 1. Equalities" in strengths and "Outcome 2. Communication" not in strengths
    assert "Outcome 2. Communication" in weaknesses and "Outcome 1. Equalities" not in weaknesses
    assert "Of the 2 things it set out to do, 1 is done." in page


def test_no_self_assessment_section_in_a_year_without_one(world, scotland):
    report = selectors.annual_report(year=world.year)
    assert "self-assessment" not in {s.key for s in report["sections"]}


def test_the_report_makes_the_same_queries_for_few_figures_or_many(world, scotland, count_queries):
    codes = ["7", "11", "12", "13", "16", "23"]
    _figure(codes[0], world.year, "90", average="88")
    _words(world.year, f"outcome-{_outcome('3').pk}", "Words.")
    selectors.annual_report(year=world.year)  # charts drawn once and kept
    small = count_queries(selectors.annual_report, year=world.year)
    for code in codes[1:]:
        _figure(code, world.year, "80", average="70")
        _figure(code, world.year - 1, "75")
    for code in ("1", "2", "4"):
        _words(world.year, f"outcome-{_outcome(code).pk}", "More words.")
    _words(world.year, "mystery-shopping", "Kept words.")
    _words(world.year, "volunteering", "Volunteering words.")
    selectors.annual_report(year=world.year)
    large = count_queries(selectors.annual_report, year=world.year)
    assert small == large


@pytest.mark.parametrize("large_print", [False, True])
def test_the_pdf_names_every_outcome_with_figures_averages_and_the_panels_words(world, scotland, large_print):
    from reports import makers
    from reports.models import Kind, ReportRequest
    from tests.reports.pdf_checks import assert_accessible

    _figure("13", world.year, "92.4", target="90", average="90.1")
    _figure("13", world.year - 1, "89.0")
    _figure("12", world.year, "9.5", average="8.0")
    _figure("23", world.year, "40")  # no average entered: no position is made up
    _words(world.year, f"outcome-{_outcome('3').pk}", "Tenants told us the panel is easy to join.")
    made = makers.make(ReportRequest(kind=Kind.ANNUAL, requested_by=world.manager,
                                     parameters={"year": world.year, "large_print": large_print}))

    title = f"Annual Report to Tenants {year_of(world.year).label}"
    _, text, found = assert_accessible(made.content, title=title, max_pages=60)
    flat = " ".join(text.split())
    for outcome in CHARTER_OUTCOMES:
        assert f"Outcome {outcome}" in flat, outcome
    assert "90.1%" in flat and "Better than the average".lower() in flat.lower()
    assert "8 days" in flat and "worse than the average" in flat.lower()
    assert "No average to compare with" in flat
    assert "Tenants told us the panel is easy to join." in flat
    assert "There are no figures for this outcome" in flat
    assert any(alt.startswith("Scottish Social Housing Charter: percentage measures") for alt in found.alts)


def test_without_a_framework_or_figures_the_panels_words_on_performance_are_kept(client, world):
    site = SiteSettings.load()
    site.country = "wales"
    site.save()
    _words(world.year, "performance", "We have no figures yet, but tenants say repairs are slow.")
    client.force_login(world.member)

    page = client.get(f"/reports/annual/{world.year}/").content.decode()

    assert "We have no figures yet, but tenants say repairs are slow." in page
    assert "How we performed, outcome by outcome" in page
    assert "There are no figures for this part of the report this year." in page


def test_the_page_makes_the_same_queries_for_few_figures_or_many(client, world, scotland, count_queries):
    client.force_login(world.member)
    _figure("7", world.year, "90", average="88")
    _words(world.year, f"outcome-{_outcome('6').pk}", "Words on one outcome.")
    page = f"/reports/annual/{world.year}/"
    client.get(page)
    small = count_queries(client.get, page)
    for code in ("11", "12", "13", "16", "23"):
        _figure(code, world.year, "80", average="70")
        _figure(code, world.year - 1, "75")
    for code in ("1", "2", "3", "4", "5"):
        _words(world.year, f"outcome-{_outcome(code).pk}", "Words on this outcome.")
    client.get(page)
    large = count_queries(client.get, page)
    assert small == large
