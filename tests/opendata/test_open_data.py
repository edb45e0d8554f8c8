"""The open data files: the JSON valid against the schema in the repo, the CSV ZIP read back, the
Atom feed well-formed with the expected entries, and the org-id worked out by the documented rule."""

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft202012Validator

from opendata import export, selectors, services
from scrutiny.models import Country, SiteSettings
from tests.opendata.conftest import switch_on

SCHEMA = Path(__file__).resolve().parents[2] / "opendata" / "schema" / "scrutiny.schema.json"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def published(world):
    switch_on()
    site = SiteSettings.load()
    site.country, site.regulator_code = Country.ENGLAND, "L4240"
    site.save()
    services.publish(review=world.review, by=world.admin)
    return world


def test_the_json_is_valid_against_the_schema(published, client):
    response = client.get("/open-data/scrutiny.json")
    data = json.loads(response.content)
    schema = json.loads(SCHEMA.read_text())

    Draft202012Validator.check_schema(schema)
    assert sorted(str(e) for e in Draft202012Validator(schema).iter_errors(data)) == []
    assert data["publisher"]["org_id"] == "GB-SHPE-L4240"
    assert {r["title"] for r in data["reviews"]} == {"Complaints handling", "Repairs communication",
                                                     "Estate walkabouts"}
    decisions = sorted(r["decision"] for r in data["recommendations"])
    assert decisions == ["accepted", "accepted", "awaiting_response", "partly_accepted", "rejected"]
    assert data["counts_by_review"] == [{"review_id": published.review.pk, "total": 5, "accepted": 2,
                                         "partly_accepted": 1, "rejected": 1, "awaiting_response": 1,
                                         "delivered": 1, "on_track": 2, "late": 0}]


def test_the_schema_refuses_a_document_that_breaks_it(published, client):
    data = json.loads(client.get("/open-data/scrutiny.json").content)
    data["recommendations"][0]["decision"] = "maybe"

    assert list(Draft202012Validator(json.loads(SCHEMA.read_text())).iter_errors(data))


def test_the_csv_zip_reads_back_with_the_documented_titles(published, client):
    response = client.get("/open-data/scrutiny-csv.zip")
    archive = zipfile.ZipFile(io.BytesIO(response.content))

    readme = archive.read("README.txt").decode()
    assert set(archive.namelist()) == {"README.txt", *(name for name, *_ in export.CSV_FILES)}
    for name, _key, _about, columns in export.CSV_FILES:
        rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
        titles = ["Org-id", *(title for title, _ in columns)]
        assert rows[0] == titles, name
        assert name in readme and all(title in readme for title in titles)
        if name != "measures.csv":  # the demo landlord's figures are not imported here
            assert len(rows) > 1, name
            assert all(row[0] == "GB-SHPE-L4240" for row in rows[1:])


def test_the_atom_feed_parses_with_the_report_and_the_responses(published, client):
    response = client.get("/open-data/feed.atom")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed

    assert root.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert "Report published: Complaints handling" in titles
    assert sum(title.startswith("Response to R") for title in titles) == 4  # one still awaited
    assert all(entry.find(f"{ATOM}id").text for entry in root.iter(f"{ATOM}entry"))


def test_files_are_not_served_while_open_data_is_switched_off(world, client):
    assert client.get("/open-data/scrutiny.json").status_code == 404
    assert client.get("/open-data/scrutiny-csv.zip").status_code == 404
    assert client.get("/open-data/feed.atom").status_code == 404


@pytest.mark.parametrize(("country", "regulator", "shr", "expected"), [
    (Country.ENGLAND, "L4240", "", "GB-SHPE-L4240"),
    (Country.ENGLAND, "4242", "", "GB-SHPE-4242"),
    (Country.ENGLAND, "BIR", "", "GB-LAE-BIR"),
    (Country.WALES, "CRF", "", "GB-PLA-CRF"),
    (Country.SCOTLAND, "", "RSL042", "GB-SHR-RSL042"),
    (Country.SCOTLAND, "FIF", "", "GB-LAS-FIF"),
    (Country.ENGLAND, "", "", ""),
])
def test_the_org_id_is_worked_out_from_the_regulators_code(db, country, regulator, shr, expected):
    site = SiteSettings.load()
    site.country, site.regulator_code, site.shr_code = country, regulator, shr
    site.save()

    assert selectors.org_id(SiteSettings.load()) == expected


def test_an_org_id_set_in_the_site_settings_wins(db):
    site = SiteSettings.load()
    site.org_id, site.regulator_code = "GB-COH-01234567", "L4240"
    site.save()

    assert selectors.org_id(SiteSettings.load()) == "GB-COH-01234567"
