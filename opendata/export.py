"""The open data: one JSON document (checked against schema/scrutiny.schema.json), the same
facts as CSV files in one ZIP with a README, and an Atom feed of published reports and responses.

The files stand at one address each, whatever the language of the page that links to them: their
values are codes ("accepted", "TP01") that read the same in any language, and their column titles
and README are in English, as the regulators' own files are.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET  # noqa: S405 - we write XML here, never read it

from django.utils import timezone

from opendata import selectors
from opendata.models import Publication
from scrutiny.models import SiteSettings
from scrutiny.paths import reverse

SCHEMA_VERSION = "1.0"
Absolute = Callable[[str], str]  # a path -> the full address (request.build_absolute_uri)


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def document(absolute: Absolute) -> dict[str, Any]:
    """The whole of the landlord's open data, as one JSON-ready dictionary."""
    site = SiteSettings.load()
    published = {p.review_id: p for p in Publication.objects.current()}
    programme = selectors.programme()
    reviews = []
    for phase, in_phase in programme.items():
        for review in in_phase:
            publication = published.get(review.pk)
            reviews.append({
                "id": review.pk,
                "title": review.title,
                "kind": review.kind,
                "service_area": review.service_area.name if review.service_area else None,
                "panel": review.panel.name,
                "phase": phase,
                "stage": review.stage,
                "planned_start": _date(review.planned_start),
                "planned_end": _date(review.planned_end),
                "published_at": _date(publication.published_at) if publication else None,
                "report_url": absolute(reverse("opendata:review", args=[review.pk]))
                if publication else None,
            })
    found = selectors.all_recommendations()
    recommendations = [{
        "id": f"{rec.review_id}-{rec.code}",
        "review_id": rec.review_id,
        "code": rec.code,
        "text": rec.text,
        "priority": rec.priority,
        "year": rec.year,
        "decision": rec.decision,
        "decision_reason": rec.public_reason or None,
        "responded_on": _date(rec.responded_on),
        "delivery": rec.delivery,
        "due_date": _date(rec.due_date),
        "verified_on": _date(rec.verified_at.date() if rec.verified_at else None),
    } for rec in found["rows"]]
    return {
        "schema_version": SCHEMA_VERSION,
        "publisher": {"name": site.landlord_name, "org_id": selectors.org_id(site) or None,
                      "country": site.country},
        "licence": selectors.LICENCE,
        "reviews": reviews,
        "recommendations": recommendations,
        "counts_by_review": [{"review_id": review_id, **counts.as_dict()}
                             for review_id, counts in found["reviews"]],
        "counts_by_year": [{"year": year, **counts.as_dict()} for year, counts in found["years"]],
        "measures": [{key: m[key] for key in ("code", "framework", "tenure", "year", "value",
                                              "no_figure_reason", "source")}
                     for m in selectors.measures()],
    }


def as_json(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


# Each CSV file: its name, what it holds, and its columns (title, the JSON key it comes from).
CSV_FILES: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("reviews.csv", "reviews", "The panel's reviews: planned, under way and completed.", [
        ("Review ID", "id"), ("Title", "title"), ("Kind", "kind"), ("Service area", "service_area"),
        ("Panel", "panel"), ("Phase", "phase"), ("Stage", "stage"), ("Planned start", "planned_start"),
        ("Planned end", "planned_end"), ("Report published", "published_at"),
        ("Report address", "report_url"),
    ]),
    ("recommendations.csv", "recommendations",
     "Each recommendation sent to the landlord, the landlord's decision and where the work stands.", [
         ("Recommendation ID", "id"), ("Review ID", "review_id"), ("Code", "code"),
         ("Recommendation", "text"), ("Priority", "priority"), ("Year made", "year"),
         ("Landlord's decision", "decision"), ("Reason given", "decision_reason"),
         ("Date of response", "responded_on"), ("Delivery", "delivery"), ("Due date", "due_date"),
         ("Date checked by the panel", "verified_on"),
     ]),
    ("counts-by-review.csv", "counts_by_review",
     "How many recommendations each review made, and how they stand.", [
        ("Review ID", "review_id"), ("Recommendations", "total"), ("Accepted", "accepted"),
        ("Partly accepted", "partly_accepted"), ("Rejected", "rejected"),
        ("Waiting for a response", "awaiting_response"), ("Delivered", "delivered"),
        ("On track", "on_track"), ("Late", "late"),
    ]),
    ("counts-by-year.csv", "counts_by_year", "The same counts for each year the recommendations were made.", [
        ("Year", "year"), ("Recommendations", "total"), ("Accepted", "accepted"),
        ("Partly accepted", "partly_accepted"), ("Rejected", "rejected"),
        ("Waiting for a response", "awaiting_response"), ("Delivered", "delivered"),
        ("On track", "on_track"), ("Late", "late"),
    ]),
    ("measures.csv", "measures", "The landlord's own figures in the regulator's published data.", [
        ("Measure code", "code"), ("Framework", "framework"), ("Tenure", "tenure"),
        ("Year (April start)", "year"), ("Value", "value"),
        ("Why there is no figure", "no_figure_reason"),
        ("Source", "source"),
    ]),
]


def _readme(data: dict[str, Any]) -> str:
    publisher = data["publisher"]
    lines = [
        f"Tenant scrutiny open data from {publisher['name']} (org-id {publisher['org_id'] or 'not known'}).",
        f"Licence: {data['licence']['name']}, {data['licence']['url']}",
        "The same facts are in scrutiny.json, checked against scrutiny.schema.json.",
        "Every file has the org-id in its first column, so that files from many landlords can be joined,",
        "and joined to the regulator's Tenant Satisfaction Measures by the org-id and the measure code.",
        "Empty cells mean there is nothing to say (no date yet, no figure).",
        "",
    ]
    for name, _key, about, columns in CSV_FILES:
        lines += [f"{name}: {about}", "  Org-id: the landlord's organisation identifier."]
        lines += [f"  {title}" for title, _ in columns]
        lines.append("")
    return "\n".join(lines)


def csv_zip(data: dict[str, Any]) -> bytes:
    """The open data as CSV files, one per list, with a README naming each file and column."""
    buffer = io.BytesIO()
    org = data["publisher"]["org_id"] or ""
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(data))
        for name, key, _about, columns in CSV_FILES:
            text = io.StringIO()
            writer = csv.writer(text)
            writer.writerow(["Org-id", *(title for title, _ in columns)])
            for row in data[key]:
                writer.writerow([org, *("" if row[k] is None else _safe(row[k]) for _, k in columns)])
            archive.writestr(name, "\ufeff" + text.getvalue())
    return buffer.getvalue()


def _safe(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


ATOM = "http://www.w3.org/2005/Atom"


def feed(absolute: Absolute, *, limit: int = 50) -> bytes:
    """An Atom feed of the reports published and the landlord's responses, newest first."""
    site = SiteSettings.load()
    entries: list[tuple[datetime, str, str, str, str]] = []
    for publication in Publication.objects.current().select_related("review")[:limit]:
        url = absolute(reverse("opendata:review", args=[publication.review_id]))
        entries.append((publication.published_at, f"tag:{_host(absolute)},publication:{publication.pk}",
                        f"Report published: {publication.review.title}", url,
                        "The panel has published its report of this review."))
    for rec in selectors.latest_responses(limit):
        url = absolute(reverse("opendata:recommendations")) + f"#rec-{rec.pk}"
        entries.append((rec.response.responded_at, f"tag:{_host(absolute)},response:{rec.pk}",
                        f"Response to {rec.code} of {rec.review.title}: {rec.decision_label}", url,
                        rec.public_reason or str(rec.decision_label)))
    entries.sort(key=lambda e: e[0], reverse=True)
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _add(root, "title", f"{site.landlord_name}: tenant scrutiny reports and responses")
    _add(root, "id", f"tag:{_host(absolute)},scrutiny-feed")
    _add(root, "updated", (entries[0][0] if entries else timezone.now()).isoformat())
    ET.SubElement(root, f"{{{ATOM}}}link", rel="self", href=absolute(reverse("open-data:feed")))
    author = ET.SubElement(root, f"{{{ATOM}}}author")
    _add(author, "name", site.landlord_name)
    for updated, entry_id, title, url, summary in entries[:limit]:
        entry = ET.SubElement(root, f"{{{ATOM}}}entry")
        _add(entry, "id", entry_id)
        _add(entry, "title", title)
        _add(entry, "updated", updated.isoformat())
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=url)
        _add(entry, "summary", summary)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _add(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = text
    return element


def _host(absolute: Absolute) -> str:
    return absolute("/").split("//", 1)[-1].split("/", 1)[0].split(":")[0] or "localhost"
