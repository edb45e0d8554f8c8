"""The "You said, we did" page: verified recommendations and their impact, with no personal data."""

from scrutiny.models import SiteSettings

URL = "/recommendations/you-said-we-did/"


def test_lists_verified_recommendations_only_without_names(client, world, make_rec):
    make_rec("verified", text="Name the team in every letter.", impact_statement="Tenants know who to call.",
             implementation_summary="Letters were changed.")
    make_rec("implemented", text="Not checked yet.")
    client.force_login(world.outsider)  # any signed-in person, not only the panel
    page = client.get(URL).content.decode()
    assert "Name the team in every letter." in page
    assert "Tenants know who to call." in page and "Letters were changed." in page
    assert "Not checked yet." not in page
    for person in (world.owner, world.member, world.manager):
        assert person.display_name not in page and person.email not in page


def test_private_unless_the_site_settings_make_it_public(client, world, make_rec):
    make_rec("verified", impact_statement="Tenants know who to call.")
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]

    site = SiteSettings.load()
    site.public_you_said_we_did = True
    site.save()
    response = client.get(URL)
    assert response.status_code == 200
    assert "Tenants know who to call." in response.content.decode()


def test_empty_page_says_so(client, world):
    client.force_login(world.member)
    assert "No recommendations have been checked by a panel yet." in client.get(URL).content.decode()
