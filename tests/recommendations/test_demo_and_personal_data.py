"""The demo seed (every status, overdue actions, idempotent) and the personal data download."""

import io
import json

from django.core.management import call_command

from accounts.models import User
from recommendations import personal_data
from recommendations.models import Action, Recommendation, Status, Transition
from reviews.models import Review


def test_demo_seed_covers_every_status_and_is_idempotent(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Recommendation.objects.count(), Transition.objects.count(), Action.objects.count())
    statuses = set(Recommendation.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Recommendation.objects.with_overdue().filter(is_overdue=True).count() >= 2
    assert Action.objects.overdue().exists()
    assert Review.objects.filter(title="Customer service standards mystery shopping",
                                 kind="mystery_shopping", panel__name="Mystery Shoppers").exists()
    assert Review.objects.filter(title="Complaints handling", panel__name="SURE Team").exists()
    assert Review.objects.filter(
        title="Communications in the repairs service", panel__name="SURE Team"
    ).exists()

    call_command("seed_demo", stdout=io.StringIO())
    assert (Recommendation.objects.count(), Transition.objects.count(), Action.objects.count()) == counts


def test_demo_tenant_sees_the_panels_recommendations(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(email="tenant@example.org"))
    response = client.get("/recommendations/")
    assert response.context["page"].paginator.count == Recommendation.objects.count()
    assert "Recommendations to verify" in client.get("/").content.decode()


def test_personal_data_lists_what_a_person_did(world, make_rec):
    from recommendations import services

    rec = services.create(review=world.review, by=world.member, text="Name the team.")
    services.submit(recommendation=rec, by=world.member)
    title, data = personal_data.collect(world.member)
    assert title == "Recommendations"
    assert data["recommendations_written"][0]["text"] == "Name the team."
    assert [s["to"] for s in data["steps_taken"]] == ["Draft", "Submitted"]
    json.dumps(data, default=str)
    assert personal_data.collect(world.outsider) is None


def test_personal_data_download_includes_the_section(client, world):
    from recommendations import services

    services.create(review=world.review, by=world.member, text="Name the team.")
    client.force_login(world.member)
    data = json.loads(client.get("/accounts/profile/my-data.json").content)
    assert data["Recommendations"]["recommendations_written"][0]["number"] == "R1"
