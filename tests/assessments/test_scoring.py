"""Scoring: one standard per screen, saved as the assessor goes, private until it closes."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from django.utils.html import escape

from assessments.models import Assessor, Score
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db

SECRET = "B thinks the newsletter is never read"
SECRET_LINK = "https://example.org/b-evidence-only"


@pytest.fixture
def setup():
    framework = framework_with(2, 2)
    officer = UserFactory(role="officer")
    sa = SelfAssessmentFactory(framework=framework, created_by=officer)
    a, b = UserFactory(role="tenant"), UserFactory(role="officer")
    assessor_a, assessor_b = (
        AssessorFactory(self_assessment=sa, user=a),
        AssessorFactory(self_assessment=sa, user=b),
    )
    outcomes = {o.code: o for o in framework.outcomes.all()}
    for code in outcomes:
        ScoreFactory(
            assessor=assessor_b, outcome=outcomes[code], value=4, comment=SECRET, evidence_url=SECRET_LINK
        )
    standards = list(framework.standards.order_by("position"))
    return {
        "sa": sa,
        "a": a,
        "b": b,
        "officer": officer,
        "outcomes": outcomes,
        "standards": standards,
        "assessor_a": assessor_a,
        "assessor_b": assessor_b,
    }


def _post(client, setup, standard, data, htmx=False):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(f"/assessments/{setup['sa'].pk}/score/{standard.pk}/", data, **headers)


def test_an_autosave_stores_the_score_comment_and_link(client, setup):
    client.force_login(setup["a"])
    o = setup["outcomes"]["1.1"]
    response = _post(
        client,
        setup,
        setup["standards"][0],
        {
            f"o{o.pk}-value": "2",
            f"o{o.pk}-comment": "Leaflets are hard to find",
            f"o{o.pk}-evidence_url": "example.org/x",
        },
        htmx=True,
    )
    assert response.status_code == 200 and "Saved at" in response.content.decode()
    score = Score.objects.get(assessor=setup["assessor_a"], outcome=o)
    assert (score.value, score.comment, score.evidence_url) == (
        2,
        "Leaflets are hard to find",
        "https://example.org/x",
    )


def test_dont_know_is_saved_as_no_value(client, setup):
    client.force_login(setup["a"])
    o = setup["outcomes"]["1.2"]
    _post(client, setup, setup["standards"][0], {f"o{o.pk}-value": "dont_know"}, htmx=True)
    assert Score.objects.get(assessor=setup["assessor_a"], outcome=o).value is None


def test_a_comment_without_a_score_is_not_lost(client, setup):
    client.force_login(setup["a"])
    o = setup["outcomes"]["1.1"]
    response = _post(client, setup, setup["standards"][0], {f"o{o.pk}-comment": "Half-written thought"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Choose a score for 1.1 to save your comment." in page
    assert "Half-written thought" in page  # still in the form
    assert not Score.objects.filter(assessor=setup["assessor_a"]).exists()


def test_save_and_next_goes_to_the_next_standard_and_the_scores_are_there_on_return(client, setup):
    client.force_login(setup["a"])
    first, second = setup["standards"]
    o1, o2 = setup["outcomes"]["1.1"], setup["outcomes"]["1.2"]
    response = _post(client, setup, first, {f"o{o1.pk}-value": "3", f"o{o2.pk}-value": "1", "next": "1"})
    assert response["Location"] == f"/assessments/{setup['sa'].pk}/score/{second.pk}/"
    page = client.get(f"/assessments/{setup['sa'].pk}/score/{first.pk}/").content.decode()
    assert (
        f'name="o{o1.pk}-value" value="3" class="form-check-input" id="id_o{o1.pk}-value_2" checked' in page
    )
    assert (
        f'name="o{o2.pk}-value" value="1" class="form-check-input" id="id_o{o2.pk}-value_0" checked' in page
    )


def test_a_score_outside_the_scale_is_refused(client, setup):
    client.force_login(setup["a"])
    o = setup["outcomes"]["1.1"]
    response = _post(client, setup, setup["standards"][0], {f"o{o.pk}-value": "7"}, htmx=True)
    assert "Not saved" in response.content.decode()
    assert not Score.objects.filter(assessor=setup["assessor_a"]).exists()


def test_an_assessor_never_sees_another_assessors_scores_while_it_is_open(client, setup):
    sa = setup["sa"]
    client.force_login(setup["a"])
    urls = [
        f"/assessments/{sa.pk}/",
        f"/assessments/{sa.pk}/results/",
        f"/assessments/{sa.pk}/to-do/",
        f"/assessments/{sa.pk}/progress/",
        f"/assessments/{sa.pk}/edit/",
        "/assessments/",
        f"/assessments/frameworks/{sa.framework_id}/",
    ]
    urls += [f"/assessments/{sa.pk}/score/{s.pk}/" for s in setup["standards"]]
    urls += [f"/recommendations/from-assessment/{sa.pk}/outcomes/{o.pk}/" for o in setup["outcomes"].values()]
    urls += [f"/assessments/{sa.pk}/outcomes/{o.pk}/action/" for o in setup["outcomes"].values()]
    for url in urls:
        page = client.get(url).content.decode()
        assert SECRET not in page and SECRET_LINK not in page, url
    assert client.get(f"/assessments/{sa.pk}/results/").status_code == 403


def test_a_coordinator_sees_who_has_finished_but_not_what_they_scored(client, setup):
    sa = setup["sa"]
    Assessor.objects.filter(pk=setup["assessor_b"].pk).update(finished_at=timezone.now())
    client.force_login(setup["officer"])
    page = client.get(f"/assessments/{sa.pk}/progress/").content.decode()
    assert escape(setup["b"].display_name) in page and "Finished" in page
    assert SECRET not in page and ">4<" not in page
    assert client.get(f"/assessments/{sa.pk}/results/").status_code == 403


def test_once_closed_nobody_can_score_and_the_pooled_results_show(client, setup):
    sa = setup["sa"]
    sa.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    sa.save()
    client.force_login(setup["a"])
    o = setup["outcomes"]["1.1"]
    with assert_db_unchanged():
        assert _post(client, setup, setup["standards"][0], {f"o{o.pk}-value": "1"}).status_code == 403
    results = client.get(f"/assessments/{sa.pk}/results/")
    assert results.status_code == 200
    assert "Mean 4.00" in results.content.decode()


def test_finishing_needs_every_outcome_answered(client, setup):
    client.force_login(setup["a"])
    sa = setup["sa"]
    client.post(f"/assessments/{sa.pk}/finish/")
    setup["assessor_a"].refresh_from_db()
    assert setup["assessor_a"].finished_at is None
    for o in setup["outcomes"].values():
        ScoreFactory(assessor=setup["assessor_a"], outcome=o, value=None)
    client.post(f"/assessments/{sa.pk}/finish/")
    setup["assessor_a"].refresh_from_db()
    assert setup["assessor_a"].finished_at is not None


def test_reminders_go_by_email_to_those_not_finished_and_only_once(
    client, setup, django_capture_on_commit_callbacks
):
    Assessor.objects.filter(pk=setup["assessor_b"].pk).update(finished_at=timezone.now())
    client.force_login(setup["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/assessments/{setup['sa'].pk}/remind/")
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [[setup["a"].email]]
    assert setup["sa"].title in mail.outbox[0].subject
    from assessments import services

    assert services.send_reminders(self_assessment_id=setup["sa"].pk) == 0  # already sent: not again
    assert len(mail.outbox) == 1


def test_an_assessor_cannot_remind_or_close(client, setup):
    client.force_login(setup["a"])
    with assert_db_unchanged():
        assert client.post(f"/assessments/{setup['sa'].pk}/remind/").status_code == 403
        assert client.post(f"/assessments/{setup['sa'].pk}/close/").status_code == 403
    setup["sa"].refresh_from_db()
    assert setup["sa"].closed_at is None and len(mail.outbox) == 0


def test_save_and_previous_goes_back_one_standard(client, setup):
    client.force_login(setup["a"])
    first, second = setup["standards"]
    o = setup["outcomes"]["2.1"]
    response = _post(client, setup, second, {f"o{o.pk}-value": "2", "previous": "1"})
    assert response["Location"] == f"/assessments/{setup['sa'].pk}/score/{first.pk}/"
    assert Score.objects.get(assessor=setup["assessor_a"], outcome=o).value == 2
