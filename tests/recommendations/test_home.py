"""Home page sections: officers' actions, managers' responses to give, tenants' checks to make."""

from datetime import timedelta

from django.template.loader import render_to_string
from django.utils import timezone

from recommendations import home
from tests.factories.recommendations import ActionFactory


def test_officer_sees_their_actions_with_overdue_marked(client, world, make_rec):
    rec = make_rec("in_progress", text="Name the team in letters.")
    ActionFactory(recommendation=rec, owner=world.owner, what="Reprint the letters",
                  due_date=timezone.localdate() - timedelta(days=2))
    ActionFactory(recommendation=rec, owner=world.other_officer, what="Someone else's action")
    client.force_login(world.owner)
    page = client.get("/").content.decode()
    assert "My actions" in page
    assert "Reprint the letters" in page and "Overdue" in page
    assert "Name the team in letters." in page
    assert "Someone else&#x27;s action" not in page


def test_manager_sees_recommendations_awaiting_a_response(client, world, make_rec):
    make_rec("submitted", text="Answer me.")
    make_rec("draft", text="Not yet submitted.")
    client.force_login(world.manager)
    page = client.get("/").content.decode()
    assert "Recommendations awaiting your response" in page
    assert "Answer me." in page and "Not yet submitted." not in page


def test_tenant_sees_what_their_panel_has_to_verify(client, world, make_rec):
    make_rec("implemented", text="Check me.")
    client.force_login(world.member)
    assert "Check me." in client.get("/").content.decode()
    client.force_login(world.outsider)
    page = client.get("/").content.decode()
    assert "Check me." not in page
    assert "There are no recommendations waiting for your panels to check." in page


def test_home_sections_make_the_same_queries_for_5_or_100_recommendations(world, make_rec, count_queries):
    def add(count):
        for _ in range(count):
            rec = make_rec("in_progress")
            ActionFactory(recommendation=rec, owner=world.owner)
            make_rec("submitted")
            make_rec("implemented")
            make_rec("accepted")  # with no owner yet

    def render_home(person):
        person = type(person).objects.get(pk=person.pk)  # nothing remembered from a previous call
        section = home.section(person)
        if "html" not in section:  # a kept section is drawn by section() itself
            render_to_string(section["template"], {"section": section, "user": person})

    people = (world.owner, world.manager, world.member)
    add(5)
    few = [count_queries(render_home, person) for person in people]
    add(95)
    many = [count_queries(render_home, person) for person in people]
    assert few == many, f"owner, manager, member: {few} queries with 5 of each, {many} with 100"
