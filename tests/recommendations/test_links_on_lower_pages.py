"""Links and parts this app and reports add to lower apps' pages and to the site's own layout,
through the registry (scrutiny/extensions.py) rather than by the lower template naming them."""

import datetime

import pytest
from django.utils import timezone

from scrutiny import extensions
from scrutiny.models import SiteSettings
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db
FOOTER_LINK = '<a href="/recommendations/you-said-we-did/">You said, we did</a>'


def closed_assessment(officer):
    today = timezone.localdate()
    sa = SelfAssessmentFactory(
        framework=framework_with(1, 2), created_by=officer,
        opens_on=today - datetime.timedelta(days=21), closes_on=today - datetime.timedelta(days=1),
    )
    outcome = sa.framework.outcomes.get(code="1.1")
    for value in (1, 2):
        ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=value)
    return sa, outcome


def test_a_weakness_on_the_results_offers_making_a_recommendation_from_it(client, users):
    sa, outcome = closed_assessment(users["officer"])
    client.force_login(users["officer"])
    page = client.get(f"/assessments/{sa.pk}/results/").content.decode()
    assert (f'href="/recommendations/from-assessment/{sa.pk}/outcomes/{outcome.pk}/">'
            "Make a recommendation from 1.1</a>") in page
    with extensions.override(extensions.ASSESSMENT_RESULT_LINKS, []):
        page = client.get(f"/assessments/{sa.pk}/results/").content.decode()
    assert "Make a recommendation from" not in page


def test_staff_see_the_tracker_pdf_button_and_tenants_do_not(client, users):
    client.force_login(users["officer"])
    page = client.get("/recommendations/?status=submitted").content.decode()
    assert 'action="/reports/ask/tracker/?status=submitted"' in page
    assert "Make a PDF report of these recommendations" in page
    client.force_login(users["tenant"])
    assert "Make a PDF report" not in client.get("/recommendations/").content.decode()


def test_the_footer_links_you_said_we_did_for_signed_in_people_and_once_public_for_all(client, users):
    assert FOOTER_LINK not in client.get("/accounts/sign-in/").content.decode()
    site = SiteSettings.load()
    site.public_you_said_we_did = True
    site.save()
    assert FOOTER_LINK in client.get("/accounts/sign-in/").content.decode()
    client.force_login(users["tenant"])
    assert FOOTER_LINK in client.get("/").content.decode()


def test_the_main_menu_and_account_menu_come_from_the_apps(client, users):
    client.force_login(users["tenant"])
    page = client.get("/").content.decode()
    menu = page[page.index('id="main-nav"'):page.index("</nav>")]
    hrefs = [part.split('"')[0] for part in menu.split('class="nav-link" href="')[1:]]
    assert hrefs == ["/", "/panels/", "/reviews/", "/assessments/", "/recommendations/", "/reports/",
                     "/mystery-shopping/", "/accounts/profile/"]
    assert 'action="/accounts/sign-out/"' in menu
