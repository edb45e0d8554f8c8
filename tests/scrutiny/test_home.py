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
