"""Training records, certificates, and who is due for refresher training."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from panels.models import PanelRole, Training
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory, TrainingFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


def test_training_status_follows_its_refresher_date():
    assert TrainingFactory(expires_on=None).status is None
    assert TrainingFactory(expires_on=days(200)).status == "current"
    assert TrainingFactory(expires_on=days(30)).status == "due"
    assert TrainingFactory(expires_on=days(0)).status == "expired"
    assert Training.objects.due_for_refresher().count() == 2


def test_a_member_records_their_own_training_with_a_certificate(client):
    member = UserFactory()
    client.force_login(member)
    response = client.post(
        f"/panels/people/{member.pk}/training/add/",
        {
            "course": "Mystery shopping skills",
            "provider": "TPAS Scotland",
            "completed_on": days(-10).isoformat(),
            "expires_on": days(720).isoformat(),
            "certificate_file": SimpleUploadedFile("certificate.pdf", b"%PDF-1.4\n%test\n"),
        },
    )
    assert response.status_code == 302
    record = Training.objects.get()
    assert (record.user, record.recorded_by, record.certificate_name) == (member, member, "certificate.pdf")
    download = client.get(f"/panels/training/{record.pk}/certificate/")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_the_panels_supporting_officer_can_see_a_members_certificate_but_other_members_cannot(client):
    panel = PanelFactory()
    member = MembershipFactory(panel=panel).user
    other = MembershipFactory(panel=panel).user
    officer = MembershipFactory(
        panel=panel, role=PanelRole.SUPPORTING_OFFICER, user=UserFactory(role="officer")
    ).user
    record = TrainingFactory(user=member, certificate=SimpleUploadedFile("c.txt", b"Certificate"))
    client.force_login(officer)
    assert client.get(f"/panels/training/{record.pk}/certificate/").status_code == 200
    client.force_login(other)
    assert client.get(f"/panels/training/{record.pk}/certificate/").status_code == 403


def test_a_refresher_date_before_the_course_is_explained(client):
    member = UserFactory()
    client.force_login(member)
    response = client.post(
        f"/panels/people/{member.pk}/training/add/",
        {
            "course": "Data protection",
            "completed_on": days(-10).isoformat(),
            "expires_on": days(-20).isoformat(),
        },
    )
    page = response.content.decode()
    assert "The refresher date must be after the date the course was done." in page
    assert 'value="Data protection"' in page
    assert not Training.objects.exists()


def test_a_course_in_the_future_is_refused(client):
    member = UserFactory()
    client.force_login(member)
    response = client.post(
        f"/panels/people/{member.pk}/training/add/",
        {"course": "Data protection", "completed_on": days(3).isoformat()},
    )
    assert "cannot be in the future" in response.content.decode()


def test_the_panel_shows_who_is_trained_for_what_and_who_is_due_a_refresher(client):
    panel = PanelFactory()
    morag = MembershipFactory(panel=panel, user=UserFactory(display_name="Morag Fraser")).user
    tam = MembershipFactory(panel=panel, user=UserFactory(display_name="Tam Hamilton")).user
    TrainingFactory(user=morag, course="Data protection", completed_on=days(-400), expires_on=days(-35))
    TrainingFactory(user=tam, course="Data protection", completed_on=days(-400), expires_on=days(-35))
    # Tam has done the refresher: the newer record is the one that counts.
    TrainingFactory(user=tam, course="data protection ", completed_on=days(-30), expires_on=days(335))
    TrainingFactory(user=tam, course="Introduction to tenant scrutiny")
    client.force_login(morag)
    response = client.get(f"/panels/{panel.pk}/training/")
    courses = {c["course"]: c for c in response.context["courses"]}
    assert courses["Data protection"]["people"] == 2
    assert courses["Data protection"]["due"] == 1  # Tam's refresher counts, not his old record
    assert courses["Introduction to tenant scrutiny"]["people"] == 1
    assert [record.user for record in response.context["due"]] == [morag]
    page = client.get(f"/panels/{panel.pk}/").content.decode()
    assert "1 member is due for refresher training" in page


def test_deleting_a_training_record_removes_its_certificate(client, settings):
    member = UserFactory()
    record = TrainingFactory(user=member, certificate=SimpleUploadedFile("c.txt", b"Certificate"))
    path = record.certificate.path
    client.force_login(member)
    client.post(f"/panels/training/{record.pk}/delete/")
    assert not Training.objects.exists()
    assert not os.path.exists(path)
