"""A finding raised from a failed standard shows, on its own page, the visits it came from and
the follow-up visits against the same standard since, with whether each met it; and offers to
start a follow-up visit with the checklist and site chosen already."""

import datetime
import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mysteryshop import services
from mysteryshop.models import Site, SiteKind, Visit, VisitStatus
from reviews.models import Finding

pytestmark = pytest.mark.django_db


def _visit(shop, answer, *, days, site=None, channel="phone", submit=True):
    """A visit `days` from now whose "gave their name" standard got `answer`, submitted."""
    when = timezone.now() + datetime.timedelta(days=days)
    visit = services.start_visit(by=shop.shopper, review=shop.review, checklist=shop.phone,
                                 site=site or shop.office, channel=channel, visited_at=when)
    name = visit.checklist.standards.get(question__startswith="Did the person who answered")
    services.record_answer(by=shop.shopper, visit=visit, standard=name, value=answer)
    if submit:  # an update, not save(): the visit in hand predates the score the answer set
        Visit.objects.filter(pk=visit.pk).update(status=VisitStatus.SUBMITTED, submitted_at=when)
    return visit, name


def _raise(shop, visits, standard):
    return services.raise_finding(by=shop.member, review=shop.review, standard=standard,
                                  visits=visits, statement="Staff often do not give their name.")


def _page(client, finding):
    response = client.get(finding.get_absolute_url())
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_finding_page_lists_the_visits_behind_it_and_the_follow_ups_since_with_results(client, shop):
    before, name = _visit(shop, {"choice": "no"}, days=-10)
    finding = _raise(shop, [before], name)
    met, _ = _visit(shop, {"choice": "yes"}, days=3)
    not_met, _ = _visit(shop, {"choice": "no"}, days=5)
    _visit(shop, {"choice": "yes"}, days=6, submit=False)  # a draft is not counted yet
    client.force_login(shop.member)
    page = _page(client, finding)
    assert "Visits behind this finding" in page
    assert before.get_absolute_url() in page
    assert "2 visits checked this standard: met on 1, not met on 1." in page
    rows = page.split("data-follow-up>")[1:]
    assert len(rows) == 2
    # Newest first: the visit that did not meet it, then the one that did.
    assert not_met.get_absolute_url() in rows[0] and "Not met" in rows[0]
    assert met.get_absolute_url() in rows[1] and ">Met<" in rows[1]


def test_a_follow_up_on_a_new_version_of_the_checklist_counts_for_the_same_standard(client, shop):
    from mysteryshop.services import checklists

    before, name = _visit(shop, {"choice": "no"}, days=-10)
    finding = _raise(shop, [before], name)
    shop.phone.refresh_from_db()
    newer = checklists.update_checklist(by=shop.admin, checklist=shop.phone, version=shop.phone.version,
                                        title=shop.phone.title, purpose=shop.phone.purpose)
    assert newer.pk != shop.phone.pk
    shop.phone = newer
    _visit(shop, {"choice": "yes"}, days=2)
    client.force_login(shop.member)
    assert "1 visit checked this standard: met on 1, not met on 0." in _page(client, finding)


def test_start_link_chooses_the_current_checklist_and_the_site_already(client, shop):
    before, name = _visit(shop, {"choice": "no"}, days=-10)
    finding = _raise(shop, [before], name)
    client.force_login(shop.member)
    page = _page(client, finding)
    link = (f"/mystery-shopping/programmes/{shop.review.pk}/visits/new/"
            f"?checklist={shop.phone.pk}&site={shop.office.pk}&channel=phone")
    assert f'href="{link}"' in page
    assert "Start a follow-up visit: Perth local office (phone)" in page
    form = client.get(link).content.decode()
    assert f'<option value="{shop.phone.pk}" selected>' in form
    assert f'<option value="{shop.office.pk}" selected>' in form
    assert 'value="phone" selected' in form or 'value="phone" checked' in form


def test_people_who_cannot_record_visits_see_the_follow_ups_but_no_start_link(client, shop):
    before, name = _visit(shop, {"choice": "no"}, days=-10)
    finding = _raise(shop, [before], name)
    client.force_login(shop.officer)
    page = _page(client, finding)
    assert "Follow-up visits since the finding was logged" in page
    assert "Start a follow-up visit" not in page


def test_a_finding_not_raised_from_visits_has_no_visit_section(client, shop):
    from reviews.services import add_finding

    finding = add_finding(review=shop.review, by=shop.member, kind="weakness", statement="Plain finding.")
    client.force_login(shop.member)
    assert "Visits behind this finding" not in _page(client, finding)


def test_finding_page_makes_the_same_queries_for_one_follow_up_or_thirty(client, shop):
    other = Site.objects.create(name="Crieff local office", kind=SiteKind.OFFICE)
    before, name = _visit(shop, {"choice": "no"}, days=-10)
    finding = _raise(shop, [before], name)
    client.force_login(shop.member)
    _page(client, finding)  # warm up: site settings are read once, then cached

    def count():
        with CaptureQueriesContext(connection) as queries:
            _page(client, finding)
        return len(queries)

    _visit(shop, {"choice": "yes"}, days=1)
    one = count()
    for n in range(29):
        _visit(shop, {"choice": "no" if n % 3 else "yes"}, days=2 + n, site=other, channel="in_person")
    assert count() == one
    assert Finding.objects.get(pk=finding.pk).visit_source.visits.count() == 1


def test_dashboard_row_of_a_standard_made_a_finding_links_to_its_follow_ups(client, shop):
    before, name = _visit(shop, {"choice": "no"}, days=-10)
    client.force_login(shop.member)
    dashboard = f"/mystery-shopping/programmes/{shop.review.pk}/dashboard/"
    assert "data-finding-link" not in client.get(dashboard).content.decode()
    finding = _raise(shop, [before], name)
    page = client.get(dashboard).content.decode()
    assert f'href="{finding.get_absolute_url()}" data-finding-link' in page
