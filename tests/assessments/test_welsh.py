"""Self-assessments in Welsh: what the landlord loads (frameworks, standards, outcomes) has a
Welsh version beside the English, falling back to the English marked so; the pooled results are
kept per language; Welsh plurals; the data migration keeps the English already loaded.

The pages' words read the built Welsh catalogue (po_parts.py build, or compilemessages)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation
from django.utils.translation import ngettext

from assessments import kept_results
from scrutiny.translated import version
from tests.factories.accounts import UserFactory
from tests.factories.assessments import AssessorFactory, ScoreFactory, SelfAssessmentFactory, framework_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    framework = framework_with(1, 2)
    framework.name_en_gb, framework.name_cy = "Tenant engagement", "Ymgysylltu â thenantiaid"
    framework.save()
    first, second = framework.standards.first().outcomes.all()
    first.title_en_gb, first.title_cy = "Tenants are listened to", "Mae tenantiaid yn cael eu clywed"
    first.save()
    second.title_en_gb, second.title_cy = "Repairs are done on time", ""
    second.save()
    return framework


def test_the_framework_page_in_welsh_shows_the_welsh_and_marks_the_english_standing_in(client, framework):
    client.force_login(UserFactory(role="officer"))
    page = client.get(f"/cy/assessments/frameworks/{framework.pk}/").content.decode()
    assert "Ymgysylltu â thenantiaid" in page and "Mae tenantiaid yn cael eu clywed" in page
    assert "Safonau a chanlyniadau" in page  # Standards and outcomes
    assert '<span lang="en">Repairs are done on time</span>' in page  # no Welsh yet: the English, marked
    english = client.get(f"/assessments/frameworks/{framework.pk}/").content.decode()
    assert "Tenants are listened to" in english and "Ymgysylltu" not in english


def test_a_translated_field_falls_back_to_english_marked_as_such(framework):
    second = framework.standards.first().outcomes.all()[1]
    with translation.override("cy"):
        assert version(second, "title") == ("Repairs are done on time", True)
        assert second.title == "Repairs are done on time"  # modeltranslation's own fallback
    with translation.override("en-gb"):
        assert version(second, "title") == ("Repairs are done on time", False)


def test_pooled_results_kept_in_english_are_not_served_in_welsh(framework):
    sa = SelfAssessmentFactory(framework=framework)
    outcome = framework.standards.first().outcomes.first()
    ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=3)
    with translation.override("en-gb"):
        english = kept_results.pooled_results(assessment=sa)
    with translation.override("cy"):
        welsh = kept_results.pooled_results(assessment=sa)
    assert english.outcomes[0].title == "Tenants are listened to"
    assert welsh.outcomes[0].title == "Mae tenantiaid yn cael eu clywed"


@pytest.mark.parametrize(("count", "words"), [
    (1, "1 ffigur wedi'i fewnforio."), (2, "2 ffigur wedi'u mewnforio."), (11, "11 ffigur wedi'u mewnforio."),
])
def test_welsh_plurals_pick_their_own_form(count, words):
    with translation.override("cy"):
        said = ngettext("%(count)s figure imported.", "%(count)s figures imported.", count) % {"count": count}
    assert said == words


def test_the_results_page_in_welsh(client, framework):
    sa = SelfAssessmentFactory(framework=framework)
    outcome = framework.standards.first().outcomes.first()
    ScoreFactory(assessor=AssessorFactory(self_assessment=sa), outcome=outcome, value=3)
    sa.closes_on = sa.opens_on
    sa.save()
    client.force_login(UserFactory(role="admin"))
    response = client.get(f"/cy/assessments/{sa.pk}/results/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Canlyniadau cyfun" in page and "Sut cafodd pob safon ei sgorio" in page
    assert "Mae tenantiaid yn cael eu clywed" in page


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_copies_the_english_already_loaded(every_migration_afterwards):
    executor = MigrationExecutor(connection)
    executor.migrate([("assessments", "0010_welsh_beside_english")])
    apps = executor.loader.project_state([("assessments", "0010_welsh_beside_english")]).apps
    Framework = apps.get_model("assessments", "Framework")
    Framework.objects.filter(code="loaded-before").delete()
    Framework.objects.create(code="loaded-before", name="Loaded before", description="Its text")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("assessments", "0011_copy_english_beside")])
    Framework = executor.loader.project_state([("assessments", "0011_copy_english_beside")]).apps.get_model(
        "assessments", "Framework")
    loaded = Framework.objects.get(code="loaded-before")
    assert (loaded.name_en_gb, loaded.description_en_gb) == ("Loaded before", "Its text")
    assert not loaded.name_cy


def test_a_framework_imported_with_welsh_columns_keeps_the_welsh_beside_the_english():
    from assessments import imports

    admin = UserFactory(role="admin")
    csv_text = (
        "standard_code,standard_title,outcome_code,outcome_title,description,guidance,"
        "standard_title_cy,outcome_title_cy\n"
        "S1,Listening,O1,Tenants are heard,,,Gwrando,Mae tenantiaid yn cael eu clywed\n"
        "S1,Listening,O2,Repairs on time,,,Gwrando,\n"
    )
    framework = imports.import_framework(by=admin, data=csv_text.encode(), filename="f.csv", name="Ours")
    heard, repairs = framework.outcomes.order_by("code")
    assert (heard.title_en_gb, heard.title_cy) == ("Tenants are heard", "Mae tenantiaid yn cael eu clywed")
    assert framework.standards.get().title_cy == "Gwrando"
    with translation.override("cy"):
        assert version(repairs, "title") == ("Repairs on time", True)


def test_the_usual_scale_is_shown_in_the_pages_language_and_a_written_one_as_written():
    usual = SelfAssessmentFactory(framework=framework_with(1, 1))
    own = SelfAssessmentFactory(framework=usual.framework, scale=["Poor", "Good"])
    with translation.override("cy"):
        assert usual.scale_choices()[0] == (1, "1 heb ei gyrraedd")
        assert own.scale_choices() == [(1, "1 poor"), (2, "2 good")]
    with translation.override("en-gb"):
        assert usual.scale_choices()[0] == (1, "1 not met")
