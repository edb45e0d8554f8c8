"""A person waiting for the Annual Report (asked before the panel approved) can change their
mind: they cancel their own waiting request from the reports page, and nobody else's."""

from reports.models import WaitingRequest


def _ask_too_early(client, person, year):
    client.force_login(person)
    client.post("/reports/ask/annual/", {"year": year})
    return WaitingRequest.objects.get(requested_by=person)


def test_the_reports_page_offers_to_cancel_a_waiting_request(client, world):
    waiting = _ask_too_early(client, world.member, world.year)

    page = client.get("/reports/").content.decode()

    assert f'action="/reports/waiting/{waiting.pk}/cancel/"' in page
    assert "Cancel this request" in page


def test_cancelling_removes_the_waiting_request_and_says_so(client, world):
    waiting = _ask_too_early(client, world.member, world.year)

    response = client.post(f"/reports/waiting/{waiting.pk}/cancel/", follow=True)

    assert response.redirect_chain[-1][0] == "/reports/"
    assert not WaitingRequest.objects.filter(pk=waiting.pk).exists()
    page = response.content.decode()
    assert "We will not make it when the panel approves" in page
    assert "Waiting for the panel to approve" not in page


def test_nobody_can_cancel_someone_elses_waiting_request(client, world):
    waiting = _ask_too_early(client, world.member, world.year)
    for person in (world.chair, world.manager, world.admin):
        client.force_login(person)

        response = client.post(f"/reports/waiting/{waiting.pk}/cancel/")

        assert response.status_code == 403
        assert WaitingRequest.objects.filter(pk=waiting.pk, made_at__isnull=True).count() == 1


def test_a_request_already_made_cannot_be_cancelled(client, world):
    waiting = _ask_too_early(client, world.member, world.year)
    WaitingRequest.objects.filter(pk=waiting.pk).update(made_at="2026-01-05T10:00:00Z")

    response = client.post(f"/reports/waiting/{waiting.pk}/cancel/", follow=True)

    assert WaitingRequest.objects.filter(pk=waiting.pk).exists()
    assert "has already been made" in response.content.decode()


def test_cancelling_needs_a_post(client, world):
    waiting = _ask_too_early(client, world.member, world.year)

    assert client.get(f"/reports/waiting/{waiting.pk}/cancel/").status_code == 405
    assert WaitingRequest.objects.filter(pk=waiting.pk).exists()


def test_the_assessment_page_a_person_lands_on_offers_to_cancel_too(client, world):
    client.force_login(world.manager)

    response = client.post("/reports/ask/annual/", {"year": world.year}, follow=True)

    waiting = WaitingRequest.objects.get(requested_by=world.manager)
    assert response.redirect_chain[-1][0] == f"/reports/annual/{world.year}/assessment/"
    assert f'action="/reports/waiting/{waiting.pk}/cancel/"' in response.content.decode()
