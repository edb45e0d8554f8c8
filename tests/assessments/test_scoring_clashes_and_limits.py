"""The same assessor scoring in two windows: a save from the page that showed an older score is
refused for that outcome, with both answers kept (theirs beside the form, yours in it); and a
comment too long to keep is refused with a message, never cut or stored whole at any length."""

import pytest

from assessments.models import Score
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    framework = framework_with(1, 2)
    sa = SelfAssessmentFactory(framework=framework)
    tenant = UserFactory(role="tenant")
    assessor = AssessorFactory(self_assessment=sa, user=tenant)
    standard = framework.standards.get()
    o1, o2 = standard.outcomes.order_by("position")
    return {"sa": sa, "tenant": tenant, "assessor": assessor, "o1": o1, "o2": o2,
            "url": f"/assessments/{sa.pk}/score/{standard.pk}/"}


def _answer(o, value, comment, version):
    return {f"o{o.pk}-value": value, f"o{o.pk}-comment": comment, f"o{o.pk}-evidence_url": "",
            f"o{o.pk}-version": version}


def test_a_score_saved_in_another_window_is_not_overwritten_and_both_are_shown(client, setup):
    o1, o2 = setup["o1"], setup["o2"]
    client.force_login(setup["tenant"])
    # Window one and window two both open the page with nothing scored (version 0).
    first = client.post(setup["url"], _answer(o1, "4", "Window one's view", "0"), HTTP_HX_REQUEST="true")
    assert "Saved at" in first.content.decode()
    second = client.post(setup["url"], {**_answer(o1, "2", "Window two's view", "0"),
                                        **_answer(o2, "3", "Fine", "0"), "save": "1"})
    page = second.content.decode()
    assert second.status_code == 200
    assert f"Your score for {o1.code} was saved at" in page and "in another window" in page
    assert "Window one&#x27;s view" in page  # theirs, beside the form
    assert "\nWindow two&#x27;s view</textarea>" in page  # yours, still in the form
    saved = {s.outcome_id: (s.value, s.comment) for s in Score.objects.filter(assessor=setup["assessor"])}
    assert saved == {o1.pk: (4, "Window one's view"), o2.pk: (3, "Fine")}
    # The form now carries the saved version: saving again keeps this window's answer.
    assert f'name="o{o1.pk}-version" value="1"' in page
    again = client.post(setup["url"], {**_answer(o1, "2", "Window two's view", "1"),
                                       **_answer(o2, "3", "Fine", "1"), "save": "1"})
    assert again.status_code == 302
    score = Score.objects.get(assessor=setup["assessor"], outcome=o1)
    assert (score.value, score.comment, score.version) == (2, "Window two's view", 2)


def test_an_autosave_clash_says_so_and_shows_the_saved_score_beside_the_form(client, setup):
    o1 = setup["o1"]
    client.force_login(setup["tenant"])
    client.post(setup["url"], _answer(o1, "4", "Saved first", "0"), HTTP_HX_REQUEST="true")
    response = client.post(setup["url"], _answer(o1, "1", "Typed second", "0"), HTTP_HX_REQUEST="true")
    status = response.content.decode()
    assert "Not saved: Your score for" in status
    assert f'id="clash-{o1.pk}" hx-swap-oob="true"' in status and "Saved first" in status
    assert f'name="o{o1.pk}-version" value="1" id="id_o{o1.pk}-version" hx-swap-oob="true"' in status
    assert Score.objects.get(assessor=setup["assessor"], outcome=o1).comment == "Saved first"


def test_autosaves_from_one_window_carry_the_new_version_and_do_not_clash(client, setup):
    o1, o2 = setup["o1"], setup["o2"]
    client.force_login(setup["tenant"])
    page = client.get(setup["url"]).content.decode()
    assert f'name="o{o1.pk}-version" value="0"' in page
    first = client.post(setup["url"], _answer(o1, "4", "One", "0"), HTTP_HX_REQUEST="true")
    assert f'name="o{o1.pk}-version" value="1"' in first.content.decode()
    # The next autosave sends every outcome of the page: the one unchanged is not a clash.
    second = client.post(setup["url"], {**_answer(o1, "4", "One", "1"), **_answer(o2, "2", "Two", "0")},
                         HTTP_HX_REQUEST="true")
    assert "Saved at" in second.content.decode()
    assert Score.objects.get(assessor=setup["assessor"], outcome=o1).version == 1
    assert Score.objects.get(assessor=setup["assessor"], outcome=o2).comment == "Two"


def test_clearing_a_score_scored_meanwhile_in_another_window_is_a_clash(client, setup):
    o1 = setup["o1"]
    client.force_login(setup["tenant"])
    client.post(setup["url"], _answer(o1, "4", "Scored elsewhere", "0"), HTTP_HX_REQUEST="true")
    response = client.post(setup["url"], _answer(o1, "", "", "0"), HTTP_HX_REQUEST="true")
    assert "Not saved" in response.content.decode()
    assert Score.objects.filter(assessor=setup["assessor"], outcome=o1).exists()


def test_a_comment_over_5000_characters_is_refused_and_kept_in_the_form(client, setup):
    o1 = setup["o1"]
    client.force_login(setup["tenant"])
    typed = "z" * 5001
    response = client.post(setup["url"], {**_answer(o1, "3", typed, "0"), "save": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your comment is 5,001 characters long. Shorten it to 5,000 characters or fewer." in page
    assert f"\n{typed}</textarea>" in page
    assert not Score.objects.filter(assessor=setup["assessor"]).exists()


def test_a_comment_of_5000_characters_with_line_breaks_is_saved_whole(client, setup):
    o1 = setup["o1"]
    client.force_login(setup["tenant"])
    typed = ("w" * 99 + "\n") * 49 + "w" * 100
    response = client.post(setup["url"], {**_answer(o1, "3", typed.replace("\n", "\r\n"), "0"), "save": "1"})
    assert response.status_code == 302
    assert Score.objects.get(assessor=setup["assessor"], outcome=o1).comment == typed


def test_the_comment_box_is_limited_to_5000_characters(client, setup):
    client.force_login(setup["tenant"])
    page = client.get(setup["url"]).content.decode()
    assert f'maxlength="5000" id="id_o{setup["o1"].pk}-comment"' in page
