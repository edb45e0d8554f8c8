"""The panel's own assessment in the Annual Report: written section by section in the browser,
safe from lost edits, approved by the chair before the PDF is made, then published."""

import re

from reports.apps import PUBLIC_ANNUAL_REPORT
from reports.models import AnnualReport, AssessmentSection
from scrutiny import switches
from scrutiny.models import SiteSettings
from tests.db_unchanged import assert_db_unchanged
from tests.factories.reports import approved_report


def _edit(client, year, section="recommendations", text="", version=0):
    return client.post(f"/reports/annual/{year}/assessment/{section}/", {"text": text, "version": version})


def test_a_member_writes_the_panels_view_of_a_section(client, world):
    client.force_login(world.member)

    response = _edit(client, world.year, text="Most recommendations were accepted, but slowly.")

    assert response.status_code == 302
    section = AssessmentSection.objects.get(section="recommendations")
    assert section.text == "Most recommendations were accepted, but slowly."
    assert section.version == 1 and section.updated_by == world.member
    page = client.get(f"/reports/annual/{world.year}/assessment/").content.decode()
    assert "Most recommendations were accepted, but slowly." in page and "Not approved yet" in page


def test_two_people_editing_at_once_keep_both_texts(client, world):
    client.force_login(world.member)
    _edit(client, world.year, text="First words.")
    client.force_login(world.chair)
    _edit(client, world.year, text="The chair's words.", version=1)
    client.force_login(world.member)

    response = _edit(client, world.year, text="My later words.", version=1)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Morag Fraser saved a change to this section" in page
    assert "My later words." in page  # what they typed is still in the form
    assert "The saved version" in page and "The chair&#x27;s words." in page
    assert AssessmentSection.objects.get().text == "The chair's words."
    assert re.search(r'name="version" value="2"', page)  # saving again replaces it knowingly

    _edit(client, world.year, text="My later words.", version=2)
    assert AssessmentSection.objects.get().text == "My later words."


def test_the_chair_approves_and_a_later_change_needs_approving_again(client, world):
    client.force_login(world.member)
    _edit(client, world.year, text="Repairs improved.")
    client.force_login(world.chair)

    client.post(f"/reports/annual/{world.year}/approve/")

    record = AnnualReport.objects.get(year=world.year)
    assert record.is_approved and record.approved_by == world.chair
    client.force_login(world.member)
    _edit(client, world.year, text="Repairs improved a lot.", version=1)
    record.refresh_from_db()
    assert not record.is_approved


def test_nothing_written_cannot_be_approved(client, world):
    client.force_login(world.chair)

    response = client.post(f"/reports/annual/{world.year}/approve/", follow=True)

    assert "Write the panel&#x27;s view of at least one section" in response.content.decode()
    assert not AnnualReport.objects.filter(year=world.year, approved_at__isnull=False).exists()


def test_a_plain_member_cannot_approve(client, world):
    client.force_login(world.member)
    with assert_db_unchanged():
        assert client.post(f"/reports/annual/{world.year}/approve/").status_code == 403


def test_the_annual_report_page_is_public_only_once_published(client, world):
    approved_report(world.year)
    path = f"/reports/annual/{world.year}/"
    assert client.get(path).status_code == 302  # to sign in
    client.force_login(world.manager)
    client.post(f"/reports/annual/{world.year}/publish/", {"published": "yes"})
    client.logout()

    page = client.get(path)

    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("<h1") == 1 and "Annual Report to Tenants" in html
    assert "What the panel thinks" in html and "Repairs got better; complaints did not." in html
    assert "Get this report as a PDF" not in html  # asking needs signing in


def test_the_site_settings_can_keep_even_a_published_report_for_signed_in_people(client, world):
    approved_report(world.year, published=True)
    path = f"/reports/annual/{world.year}/"
    assert switches.is_on(PUBLIC_ANNUAL_REPORT) is True  # on until an administrator chooses
    assert client.get(path).status_code == 200

    site = SiteSettings.load()
    site.switches = {**site.switches, PUBLIC_ANNUAL_REPORT: False}
    site.save()

    assert client.get(path).status_code == 302  # to sign in
    client.force_login(world.outsider)  # any signed-in tenant
    assert client.get(path).status_code == 200


def test_an_unapproved_report_cannot_be_published(client, world):
    client.force_login(world.manager)

    response = client.post(f"/reports/annual/{world.year}/publish/", {"published": "yes"}, follow=True)

    page = response.content.decode()
    assert "The panel must approve its assessment before the report is published." in page
    assert not AnnualReport.objects.filter(year=world.year, published=True).exists()
