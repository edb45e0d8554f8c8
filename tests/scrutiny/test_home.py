import pytest

from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role,words", [
    ("tenant", "signed in as tenant"),
    ("officer", "signed in as officer"),
    ("manager", "signed in as manager"),
    ("admin", "Invite someone to the site"),
])
def test_home_page_is_role_aware(client, role, words):
    client.force_login(UserFactory(role=role))
    page = client.get("/").content.decode()
    assert words in page
    assert page.count("<h1") == 1


def test_only_admins_see_the_admin_links(client):
    client.force_login(UserFactory(role="tenant"))
    assert "Invite someone" not in client.get("/").content.decode()


def test_administrators_home_links_the_sites_own_administration_page(client):
    client.force_login(UserFactory(role="admin"))
    page = client.get("/").content.decode()
    assert '<a href="/administration/">Administration (site settings, people)</a>' in page
    assert 'href="/admin/"' not in page


def test_a_members_home_page_reads_their_memberships_once_however_many_panels(client):
    import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.panels import MeetingFactory, MembershipFactory, PanelFactory

    tenant = UserFactory(role="tenant")
    client.force_login(tenant)
    counts = {}
    for panels in (1, 3):
        while tenant.memberships.count() < panels:
            membership = MembershipFactory(user=tenant, panel=PanelFactory())
            MeetingFactory(panel=membership.panel, date=datetime.date.today() + datetime.timedelta(days=7))
        client.get("/")  # the session and site settings, read once
        with CaptureQueriesContext(connection) as ctx:
            page = client.get("/").content.decode()
        assert page.count("Send apologies") == panels
        reads = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith('SELECT "panels_membership"')]
        assert len(reads) == 1
        counts[panels] = len(ctx.captured_queries)
    assert counts[1] == counts[3]
