"""Importing a framework from CSV or YAML in the browser: encodings Excel produces, every bad
row reported by line, and nothing half-imported."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import imports, samples
from assessments.models import Framework, Outcome, Standard
from tests.db_unchanged import assert_db_unchanged

pytestmark = pytest.mark.django_db

GOOD = (
    "standard_code,standard_title,outcome_code,outcome_title,description,guidance\r\n"
    "1,Engagement approach,1.1,Tenants shape how they are involved – every year,,\r\n"
    '1,Engagement approach,1.2,Tenants’ views are recorded,"Notes, minutes",Ask for minutes\r\n'
    "2,Scrutiny,2.1,The panel reviews services in depth,,\r\n"
)


def _upload(client, user, data: bytes, name="framework.csv", framework_name="Our copy"):
    client.force_login(user)
    return client.post(
        "/assessments/frameworks/import/",
        {
            "name": framework_name,
            "source": "",
            "file": SimpleUploadedFile(name, data),
        },
    )


def _imported(name="Our copy"):
    framework = Framework.objects.get(name=name)
    return framework, list(
        framework.outcomes.order_by("standard__position", "position").values_list("code", "title")
    )


@pytest.mark.parametrize(
    "encoded",
    [
        GOOD.encode("utf-8"),
        b"\xef\xbb\xbf" + GOOD.encode("utf-8"),  # Excel's "CSV UTF-8" adds a byte-order mark
        GOOD.encode("cp1252"),  # Excel's plain "CSV" on Windows
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252"],
)
def test_the_same_file_imports_the_same_in_each_encoding(client, users, encoded):
    response = _upload(client, users["admin"], encoded)
    framework, outcomes = _imported()
    assert response.status_code == 302 and response["Location"] == framework.get_absolute_url()
    assert outcomes == [
        ("1.1", "Tenants shape how they are involved – every year"),
        ("1.2", "Tenants’ views are recorded"),
        ("2.1", "The panel reviews services in depth"),
    ]
    assert list(framework.standards.values_list("code", "title")) == [
        ("1", "Engagement approach"),
        ("2", "Scrutiny"),
    ]
    assert framework.outcomes.get(code="1.2").description == "Notes, minutes"
    assert framework.imported_by == users["admin"]


def test_five_bad_rows_are_all_reported_by_line_and_nothing_is_saved(client, users):
    bad = (
        b"standard_code,standard_title,outcome_code,outcome_title,description,guidance\n"  # line 1
        b"1,Engagement approach,1.1,Fine,,\n"  # 2
        b"1,Engagement approach,,No code,,\n"  # 3: outcome code empty
        b"1,Engagement approach,1.3,,,\n"  # 4: title empty
        b"1,Engagement approach,1.1,Same code again,,\n"  # 5: duplicate code
        b"1,Another title,1.5,Standard renamed,,\n"  # 6: standard 1 called two things
        b",Scrutiny,2.1,No standard code,,\n"  # 7: standard code empty
        b"2,Scrutiny,2.2,Fine too,,\n"  # 8
    )
    before = (Framework.objects.count(), Standard.objects.count(), Outcome.objects.count())
    response = _upload(client, users["admin"], bad)
    assert response.status_code == 200
    errors = response.context["errors"]
    assert [e.line for e in errors] == [3, 4, 5, 6, 7]
    assert "outcome_code is empty" in errors[0].reason
    assert "outcome_title is empty" in errors[1].reason
    assert "already used on line 2" in errors[2].reason
    assert 'called "Engagement approach" on line 2' in errors[3].reason
    assert "standard_code is empty" in errors[4].reason
    assert "Nothing was imported: 5 problems" in response.content.decode()
    assert "Line 6:" in response.content.decode()
    assert (Framework.objects.count(), Standard.objects.count(), Outcome.objects.count()) == before


def test_the_96_outcome_sample_imports_whole(client, users):
    response = _upload(client, users["admin"], samples.ninety_six_csv().encode(), framework_name="Tpas copy")
    assert response.status_code == 302
    framework, outcomes = _imported("Tpas copy")
    assert len(outcomes) == 96 and framework.standards.count() == 8
    assert outcomes[0] == ("1.1", "Outcome 1.1 (imported from the landlord's copy)")
    assert outcomes[-1][0] == "8.12"


def test_yaml_brings_its_name_outcomes_and_indicators(client, users):
    response = _upload(
        client, users["admin"], samples.SAMPLE_YAML.encode(), name="ours.yaml", framework_name=""
    )
    assert response.status_code == 302
    framework, outcomes = _imported("Our engagement standards")
    assert outcomes == [
        ("1.1", "Tenants help shape how they are involved"),
        ("1.2", "Tenants know how to get involved"),
    ]
    assert list(framework.indicators.values_list("code", "unit", "higher_is_better")) == [("KPI1", "%", True)]


def test_yaml_duplicate_codes_are_reported_with_their_lines():
    text = (
        'standards:\n  - code: "1"\n    title: A\n    outcomes:\n      - code: "1.1"\n        title: X\n'
        '      - code: "1.1"\n        title: Y\n'
    )
    with pytest.raises(imports.ImportFailed) as failed:
        imports.parse_yaml(text)
    assert [(e.line, e.reason) for e in failed.value.errors] == [
        (7, "outcome code 1.1 is already used on line 5.")
    ]


def test_a_missing_column_is_explained_on_line_1(client, users):
    response = _upload(client, users["admin"], b"code,title\n1,Something\n")
    assert response.context["errors"][0].line == 1
    assert (
        "missing: standard_code, standard_title, outcome_code, outcome_title"
        in response.context["errors"][0].reason
    )


def test_a_name_already_used_is_refused(client, users):
    _upload(client, users["admin"], GOOD.encode())
    response = _upload(client, users["admin"], GOOD.encode())
    assert response.status_code == 200
    assert 'A framework called "Our copy" already exists' in response.context["errors"][0].reason
    assert Framework.objects.filter(name="Our copy").count() == 1


def test_only_administrators_may_import(client, users):
    client.force_login(users["officer"])  # signing in records when: before the check
    with assert_db_unchanged():
        response = client.post("/assessments/frameworks/import/", {
            "name": "Our copy", "source": "", "file": SimpleUploadedFile("framework.csv", GOOD.encode()),
        })
    assert response.status_code == 403
    assert not Framework.objects.filter(name="Our copy").exists()


def test_a_binary_file_is_refused_with_a_message_not_an_error_page(client, users):
    response = _upload(client, users["admin"], b"standard_code,standard_title\n\x00\x01\x02\xff" * 3)
    assert response.status_code == 200
    assert "not a CSV text file" in response.context["errors"][0].reason
    assert not Framework.objects.filter(name="Our copy").exists()


def test_a_field_too_long_for_csv_is_reported_on_its_line(client, users):
    text = GOOD + '3,Huge,3.1,"' + "x" * 200_000 + '",,\r\n'
    response = _upload(client, users["admin"], text.encode())
    assert [e.line for e in response.context["errors"]] == [5]
    assert not Framework.objects.filter(name="Our copy").exists()
