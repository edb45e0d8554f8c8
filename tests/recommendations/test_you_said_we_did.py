"""The "You said, we did" page: verified recommendations and their impact, with no personal data."""

from django.utils.html import escape

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
        assert escape(person.display_name) not in page and escape(person.email) not in page


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


def _make_public(on: bool) -> None:
    site = SiteSettings.load()
    site.public_you_said_we_did = on
    site.save()


def test_signed_out_people_find_it_from_the_sign_in_page_and_footer_when_public(client, world, make_rec):
    make_rec("verified", impact_statement="Tenants know who to call.")
    _make_public(True)
    page = client.get("/accounts/sign-in/").content.decode()
    # Once in the sign-in page's text, once in the footer.
    assert page.count(f'href="{URL}"') == 2
    footer = client.get("/accessibility").content.decode().split("<footer", 1)[1]
    assert f'href="{URL}"' in footer
    response = client.get(URL)
    assert response.status_code == 200 and "Tenants know who to call." in response.content.decode()


def test_no_link_for_signed_out_people_while_it_is_private(client, world):
    _make_public(False)
    for path in ("/accounts/sign-in/", "/accessibility"):
        assert URL not in client.get(path).content.decode()


def test_signed_in_people_always_have_the_footer_link(client, world):
    _make_public(False)
    client.force_login(world.member)
    footer = client.get("/accessibility").content.decode().split("<footer", 1)[1]
    assert f'href="{URL}"' in footer
