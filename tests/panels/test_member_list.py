"""Adding or inviting many people to a panel at once from a list, checked line by line first."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Invitation, User
from panels import services
from panels.models import Membership, PanelInvitation, PanelRole
from scrutiny.models import Job
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel():
    return PanelFactory(name="Steering Group")


@pytest.fixture
def chair(panel):
    return MembershipFactory(panel=panel, role=PanelRole.CHAIR).user


def _url(panel):
    return f"/panels/{panel.pk}/members/add-list/"


def _nothing_changed(panel, members_before=1):
    """Only the chair is on the panel; nobody was invited and no email is waiting."""
    assert Membership.objects.filter(panel=panel).count() == members_before
    assert not PanelInvitation.objects.exists()
    assert not Job.objects.exists()


def test_a_chair_checks_a_list_then_adds_everyone_on_it(
    client, panel, chair, django_capture_on_commit_callbacks
):
    UserFactory(email="kim.lee@example.org", display_name="Kim Lee")
    people = (
        "Name, Email, Role\n"
        "Kim Lee, kim.lee@example.org, vice-chair\n"
        "Ravi Shah, Ravi.Shah@example.org\n"
        '"Brown, Pat", pat.brown@example.org, Supporting officer\n'
    )
    client.force_login(chair)

    preview = client.post(_url(panel), {"people": people})

    page = preview.content.decode()
    assert preview.status_code == 200
    assert "Has an account as Kim Lee: will be added now" in page
    assert page.count("Will be invited to the site, and join the panel when they accept") == 2
    assert "Brown, Pat" in page
    assert "Add and invite 3 people" in page
    _nothing_changed(panel)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(panel), {"people": people, "confirm": "yes"}, follow=True)

    assert response.redirect_chain[-1][0] == f"/panels/{panel.pk}/members/"
    assert (
        "1 person added to Steering Group; 2 people invited to the site, to join when they accept."
        in response.content.decode()
    )
    kim = Membership.objects.get(panel=panel, user__email="kim.lee@example.org")
    assert kim.role == PanelRole.VICE_CHAIR
    places = dict(PanelInvitation.objects.filter(panel=panel).values_list("invitation__email", "role"))
    assert places == {"ravi.shah@example.org": "member", "pat.brown@example.org": "supporting_officer"}
    assert Invitation.objects.get(email="pat.brown@example.org").display_name == "Brown, Pat"
    emailed = sorted(message.to[0] for message in mail.outbox)
    assert emailed == ["pat.brown@example.org", "ravi.shah@example.org"]


def test_a_bad_line_is_named_and_nobody_is_added_even_if_confirmed(client, panel, chair):
    people = "\n".join(
        [f"Person {n}, person{n}@example.org" for n in range(1, 7)] + ["Bob, bob@, member"]
    )
    client.force_login(chair)

    response = client.post(_url(panel), {"people": people, "confirm": "yes"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Line 7: ‘bob@’ is not an email address." in page
    assert "Person 6, person6@example.org\nBob, bob@, member</textarea>" in page  # kept as typed
    assert 'name="confirm"' not in page
    _nothing_changed(panel)


def test_the_list_is_checked_again_when_confirmed(client, panel, chair):
    joiner = UserFactory(email="late@example.org", display_name="Lou Late")
    people = "New Person, new@example.org\nLou Late, late@example.org"
    client.force_login(chair)
    assert "Add and invite 2 people" in client.post(_url(panel), {"people": people}).content.decode()
    MembershipFactory(panel=panel, user=joiner)  # someone else adds them meanwhile

    response = client.post(_url(panel), {"people": people, "confirm": "yes"})

    assert "Line 2: Lou Late is already a member of this panel." in response.content.decode()
    assert not Invitation.objects.exists()  # line 1 was not invited either
    assert not Job.objects.exists()


def test_a_list_of_more_than_200_people_is_refused_and_kept(client, panel, chair):
    people = "\n".join(f"Person {n}, person{n}@example.org" for n in range(1, 202))
    client.force_login(chair)

    response = client.post(_url(panel), {"people": people})

    page = response.content.decode()
    assert "The list has 201 people. Add at most 200 at a time" in page
    assert "Person 201, person201@example.org</textarea>" in page
    _nothing_changed(panel)


def test_a_csv_file_is_read_and_shown_for_checking(client, panel, chair):
    data = "\ufeffName,Email address,Role\r\nAnn Reid,ann@example.org,Chair\r\n".encode()
    client.force_login(chair)

    response = client.post(
        _url(panel), {"people": "", "list_file": SimpleUploadedFile("group.csv", data, "text/csv")}
    )

    page = response.content.decode()
    assert "Ann Reid" in page and "ann@example.org" in page
    assert "Add and invite 1 person" in page
    assert "Ann Reid,ann@example.org,Chair" in page  # in the box, to correct and check again
    _nothing_changed(panel)


def test_an_empty_list_is_refused_with_a_reason(client, panel, chair):
    client.force_login(chair)
    page = client.post(_url(panel), {"people": "  \n"}).content.decode()
    assert "Write the people to add, or choose a CSV file with them." in page


def test_someone_leaving_the_panel_later_cannot_be_listed_to_rejoin_before_then(panel, chair):
    leaver = UserFactory(email="leaver@example.org", display_name="Lee Leaver")
    MembershipFactory(
        panel=panel, user=leaver, joined_on=datetime.date(2026, 1, 5), left_on=datetime.date(2099, 3, 1)
    )
    checked = services.check_member_list(panel=panel, by=chair, text="Lee, leaver@example.org")
    assert checked.problems == [
        "Line 1: Lee Leaver leaves this panel on 1 March 2099, so cannot rejoin before then."
    ]


def test_each_kind_of_bad_line_is_explained(panel, chair):
    UserFactory(email="off@example.org", display_name="Sid Off", is_active=False)
    MembershipFactory(panel=panel, user=UserFactory(email="on@example.org", display_name="Ona Already"))
    people = (
        "Ann, ann@example.org, captain\n"
        "just-a-name\n"
        ", nobody@example.org\n"
        "Ann Again, ANN@example.org\n"
        "Sid, off@example.org\n"
        "Ona, on@example.org\n"
        "Olu, olu@example.org, member, officer\n"
        "A, a@example.org, member, tenant, extra\n"
    )
    checked = services.check_member_list(panel=panel, by=chair, text=people)
    assert checked.problems == [
        "Line 1: ‘captain’ is not a role on a panel. Write chair, vice-chair, member, supporting "
        "officer or independent adviser.",
        "Line 2: write the name, a comma, then the email address.",
        "Line 3: give the person's name, so we can invite them.",
        "Line 4: ann@example.org is also on line 1. Give each person once.",
        "Line 5: Sid Off's account is switched off, so they cannot be added.",
        "Line 6: Ona Already is already a member of this panel.",
        "Line 7: only administrators can invite officers, managers or administrators. Leave the "
        "fourth part out to invite a tenant.",
        "Line 8: there are more than four parts. Write the name, email address and role, separated "
        "by commas; put a name that has a comma in it inside double quotes.",
    ]
    assert not checked.ready


def test_an_administrator_may_invite_staff_from_a_list_pasted_from_a_spreadsheet(
    panel, django_capture_on_commit_callbacks
):
    admin = UserFactory(role="admin")
    with django_capture_on_commit_callbacks(execute=True):
        done = services.add_member_list(
            panel=panel, by=admin,
            text="Olu Officer\tolu@example.org\tSupporting officer\tOfficer\nTia Tenant\ttia@example.org\n",
        )
    assert done == {"invited": 2}
    assert dict(Invitation.objects.values_list("email", "role")) == {
        "olu@example.org": "officer", "tia@example.org": "tenant"
    }


def test_someone_already_invited_on_the_list_keeps_their_link(panel, chair):
    _, first = services.add_or_invite(
        panel=PanelFactory(), email="ann@example.org", display_name="Ann Reid", by=UserFactory(role="admin")
    )
    token_hash = first.invitation.token_hash
    checked = services.check_member_list(panel=panel, by=chair, text="Ann Reid, ann@example.org")
    assert "has not accepted yet. The panel will be added to their invitation" in checked.people[0].outcome
    done = services.add_member_list(panel=panel, by=chair, text="Ann Reid, ann@example.org")
    assert done == {"already invited": 1}
    assert Invitation.objects.get().token_hash == token_hash
    assert PanelInvitation.objects.filter(panel=panel, invitation=first.invitation).exists()


def test_a_plain_member_cannot_add_a_list(panel):
    member = MembershipFactory(panel=panel).user
    with pytest.raises(PermissionDenied):
        services.add_member_list(panel=panel, by=member, text="New Person, new@example.org")
    _nothing_changed(panel)


def test_a_closed_panel_takes_no_list(panel, chair):
    admin = UserFactory(role="admin")
    panel.is_active = False
    panel.save()
    with pytest.raises(ValidationError) as exc:
        services.add_member_list(panel=panel, by=admin, text="New Person, new@example.org")
    assert exc.value.messages == ["This panel is closed, so nobody can join it."]


def test_checking_a_list_makes_the_same_queries_for_5_or_50_people(panel, chair, count_queries):
    for n in range(50):
        if n % 2:
            UserFactory(email=f"p{n}@example.org")

    def check(size):
        text = "\n".join(f"Person {n}, p{n}@example.org" for n in range(size))
        return services.check_member_list(panel=panel, by=chair, text=text)

    check(1)  # the chair's own memberships are read once per request, on first use
    assert count_queries(check, 5) == count_queries(check, 50)


def test_the_members_page_links_to_the_list_page(client, panel, chair):
    client.force_login(chair)
    page = client.get(f"/panels/{panel.pk}/members/").content.decode()
    assert f'href="{_url(panel)}"' in page
    assert User.objects.count() == 1


def test_the_people_invited_from_a_long_list_are_shown_a_page_at_a_time(client, panel, chair):
    services.add_member_list(
        panel=panel, by=chair, text="\n".join(f"Invited {n:02}, i{n}@example.org" for n in range(60))
    )
    client.force_login(chair)
    first = client.get(f"/panels/{panel.pk}/members/").content.decode()
    second = client.get(f"/panels/{panel.pk}/members/?invited_page=2").content.decode()
    assert "Invited, not joined yet (60)" in first
    shown_first = [n for n in range(60) if f"Invited {n:02}<" in first]
    shown_second = [n for n in range(60) if f"Invited {n:02}<" in second]
    assert len(shown_first) == 50 and len(shown_second) == 10
    assert set(shown_first) | set(shown_second) == set(range(60))


def test_a_line_that_cannot_be_read_is_named_not_a_crash(panel, chair):
    checked = services.check_member_list(
        panel=panel, by=chair, text='Jo Smith, jo@example.org\n"' + "x" * 200_000 + '", far@example.org'
    )
    assert checked.problems == [
        "Line 2: this line could not be read. Check that each double quote has its partner."
    ]
    assert not checked.ready
