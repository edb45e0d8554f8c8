"""Hostile or careless framework and figures files get a message on the page, line by line,
never a server error: YAML values the database cannot hold, codes used twice, lists where text
belongs, aliases that would expand into billions of items, and files with thousands of bad rows."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments import imports
from assessments.models import Framework

pytestmark = pytest.mark.django_db

LONG = "L" * 10_000


def _yaml(standards: str, extra: str = "") -> bytes:
    return ("framework:\n  name: Hostile\nstandards:\n" + standards + extra).encode()


ONE_STANDARD = "  - code: S1\n    title: Standard\n    outcomes:\n      - code: O1\n        title: Outcome\n"


def _upload(client, user, data: bytes, name="framework.yaml"):
    client.force_login(user)
    return client.post(
        "/assessments/frameworks/import/", {"name": "", "source": "", "file": SimpleUploadedFile(name, data)}
    )


def _refused(response) -> list[tuple[int, str]]:
    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert not Framework.objects.filter(name="Hostile").exists()
    return [(e.line, e.reason) for e in response.context["errors"]]


@pytest.mark.parametrize(
    ("standards", "extra", "expected"),
    [
        (f"  - code: {LONG}\n    title: T\n    outcomes:\n      - code: O1\n        title: X\n", "",
         (4, "The standard code is longer than 30 characters.")),
        (f"  - code: S1\n    title: {LONG}\n    outcomes:\n      - code: O1\n        title: X\n", "",
         (4, "The standard title is longer than 300 characters.")),
        (f"  - code: S1\n    title: T\n    outcomes:\n      - code: {LONG}\n        title: X\n", "",
         (7, "The outcome code is longer than 30 characters.")),
        (ONE_STANDARD, f"indicators:\n  - code: I1\n    title: Satisfied\n    unit: {LONG}\n",
         (1, "Indicator 1's unit is longer than 40 characters.")),
    ],
    ids=["standard code", "standard title", "outcome code", "indicator unit"],
)
def test_a_yaml_value_too_long_for_the_database_is_reported_on_its_line(
    client, users, standards, extra, expected
):
    assert _refused(_upload(client, users["admin"], _yaml(standards, extra))) == [expected]


def test_a_yaml_standard_or_indicator_code_used_twice_is_reported(client, users):
    twice = ONE_STANDARD + ONE_STANDARD.replace("O1", "O2")
    indicators = "indicators:\n  - code: I1\n    title: A\n  - code: I1\n    title: B\n"
    assert _refused(_upload(client, users["admin"], _yaml(twice, indicators))) == [
        (9, "standard code S1 is already used on line 4."),
        (1, "Indicator 2's code I1 is already used by another indicator."),
    ]


def test_yaml_with_a_number_or_a_list_where_a_list_or_text_belongs_is_reported(client, users):
    standards = "  - code: [1, 2]\n    title: T\n    outcomes: 5\n"
    assert _refused(_upload(client, users["admin"], _yaml(standards, "indicators: 7\n"))) == [
        (4, "The standard code should be plain text, not a list or a mapping."),
        (4, "The standard needs a code and a title."),
        (4, "The standard's outcomes should be a list."),
        (1, "indicators should be a list."),
    ]


def test_a_yaml_alias_is_refused_before_it_can_expand_into_billions_of_items(client, users):
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)
    )
    standards = "  - code: *a9\n    title: T\n    outcomes:\n      - code: O1\n        title: X\n"
    data = (laughs + "standards:\n" + standards).encode()
    assert _refused(_upload(client, users["admin"], data)) == [
        (2, "The file uses a YAML alias (*name). Write each value out in full instead.")
    ]


def test_yaml_nested_too_deeply_is_refused():
    with pytest.raises(imports.ImportFailed) as failed:
        imports.parse_yaml("standards: " + "[" * 5000 + "]" * 5000 + "\n")
    assert [e.reason for e in failed.value.errors] == ["This is not valid YAML: it is nested too deeply."]


def test_a_figures_file_of_50000_bad_rows_stops_at_the_limit_and_lists_the_first_50(client, users):
    framework = Framework.objects.get(code="tenant-satisfaction-measures")
    rows = b"NOPE,2025," + b"9" * 1000 + b"\n" + b"".join(b"NOPE%d,2025,1\n" % i for i in range(50_000))
    client.force_login(users["officer"])
    response = client.post(
        f"/assessments/frameworks/{framework.pk}/figures/import/",
        {"file": SimpleUploadedFile("figures.csv", b"indicator_code,year,value\n" + rows)},
    )
    assert response.status_code == 200
    errors = response.context["errors"]
    assert len(errors) == imports.MAX_ROWS + 1
    assert errors[-1].reason == f"The file has more than {imports.MAX_ROWS} rows."
    page = response.content.decode()
    assert page.count("<li>Line ") == 50
    assert f"there are {imports.MAX_ROWS + 1 - 50} more" in page
    # A value from the file is quoted cut short, so one long cell cannot fill the page.
    assert errors[0].reason.endswith('value "' + "9" * 40 + '…" is not a number.')
    assert len(page) < 60_000
