"""Every page each demo role can reach works in Welsh on a 360 px phone.

The crawl of tests/browser/test_phone_crawl.py (tests/browser/crawl.py) in Welsh: from the Welsh
home page (/cy/), for a visitor and each role, following same-site Welsh links and visiting each
URL pattern once. On each page:

* `<html lang="cy">`;
* no sideways scrolling at 360 px (Welsh words run longer than English ones);
* no serious or critical axe-core violation (once per URL pattern);
* no sentence (two words or more) identical to the same page's in English, except names and
  what people wrote (even when joined to a code, a name or a "…"):
  the English page is fetched beside it, and a piece of text found on both is allowed only if
  the demo's people wrote it (it is in the database: names, findings, notes, titles) or it
  names a format or a code. Anything else is a word left in English.
"""

import re
from html.parser import HTMLParser

from django.apps import apps
from django.db import models

from tests.browser.conftest import PHONE
from tests.browser.crawl import PAGE_FACTS, axe_once, crawl_as_each_role, demo_people, wide_problem


class _Texts(HTMLParser):
    """The pieces of text a page shows, outside scripts, styles and text marked lang="en"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts = []
        self._skip = []

    def handle_starttag(self, tag, attrs):
        # Text marked with its own language (English standing in for missing Welsh, a Welsh
        # label on both pages) and code samples are left alone.
        marked = tag != "html" and bool(dict(attrs).get("lang"))
        hidden = tag in {"script", "style", "template", "pre", "code"} or marked
        empty = tag in {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}
        if hidden or (self._skip and not empty):
            self._skip.append(tag)

    def handle_endtag(self, tag):
        if self._skip and self._skip[-1] == tag:
            self._skip.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.texts.append(text)


def texts_of(html):
    reader = _Texts()
    reader.feed(html)
    return reader.texts


def _written_by_people():
    """Every text the database holds (names, findings, titles, what the landlord wrote)."""
    found = []
    for model in apps.get_models():
        fields = [field.attname for field in model._meta.concrete_fields
                  if isinstance(field, models.CharField | models.TextField)]
        if fields:
            for row in model._default_manager.values_list(*fields):
                found += [" ".join(str(value).split()) for value in row if value]
        # Lists people wrote (a self-assessment's scale), one item a line or all on one.
        lists = [field.attname for field in model._meta.concrete_fields
                 if isinstance(field, models.JSONField)]
        for row in model._default_manager.values_list(*lists) if lists else []:
            for value in row:
                if isinstance(value, list) and all(isinstance(item, str) for item in value):
                    found += [*value, " ".join(value)]
    return "\n".join(found)


def _english_of(path):
    return path[3:] if path.startswith("/cy/") else path


# What people wrote is often shown joined to other things: "R1. <recommendation>", "Jo Smith:
# <course>", "<visit kind> · <name> ·", a statement cut short with "…". Each part is judged alone.
PARTS = re.compile(r"\s*[·:…|–,()?]\s*")
CODE = re.compile(r"^(?:[A-Z]{0,3}\d*[.)]|[A-Z]{0,3}\d+)\s+")


def _english_sentence(part, written):
    """A part of at least two words, one in small letters, that nobody wrote: the product's."""
    part = CODE.sub("", part.strip(" .;\"“”"))
    words = [word for word in part.split() if re.search(r"[A-Za-z]{2,}", word)]
    return len(words) >= 2 and bool(re.search(r"[a-z]{3,}", part)) and part not in written


def _left_in_english(welsh_texts, english_texts, written):
    english = set(english_texts)
    return sorted({
        text for text in welsh_texts
        if text in english and any(_english_sentence(part, written) for part in PARTS.split(text))
    })


def _check_in_welsh(page, path, axed, written):
    """The problems on the Welsh page now open: its language, width, axe-core once per pattern,
    and words left in English (the English page fetched beside it)."""
    problems = []
    language = page.page.evaluate("() => document.documentElement.lang")
    if language != "cy":
        problems.append(f"{path}: lang is {language!r}")
    problems += wide_problem(path, page.page.evaluate(PAGE_FACTS))
    problems += axe_once(page, path, axed)
    english = page.page.request.get(page.base_url + _english_of(path), max_redirects=0)
    if english.status == 200:
        left = _left_in_english(texts_of(page.page.content()), texts_of(english.text()), written)
        problems += [f"{path}: left in English: {text[:80]!r}" for text in left[:5]]
    return problems


def test_the_check_finds_english_left_on_a_welsh_page_but_not_names_or_codes():
    welsh = texts_of('<html lang="cy"><h1>Adolygiadau</h1><p>Save changes</p><p>Jo Smith</p><p>TP01</p>'
                     '<p>: Jo Smith</p><p>R1. Fix it now</p><p>Panel</p><p>scrutiny.json</p>'
                     '<p lang="en">Complaints handling</p>'
                     '<script>var x = "Save changes";</script></html>')
    english = texts_of('<html lang="en-GB"><h1>Reviews</h1><p>Save changes</p><p>Jo Smith</p><p>TP01</p>'
                       "<p>: Jo Smith</p><p>R1. Fix it now</p><p>Panel</p><p>scrutiny.json</p>"
                       "<p>Complaints handling</p></html>")
    written = "Jo Smith\nComplaints handling\nFix it now"
    assert _left_in_english(welsh, english, written) == ["Save changes"]


def test_every_page_each_demo_role_reaches_works_in_welsh_on_a_phone(chromium, live_server, transactional_db):
    emails = demo_people()
    written = _written_by_people()
    axed = set()

    def check(page, path):
        return _check_in_welsh(page, path, axed, written)

    report = crawl_as_each_role(chromium, live_server, emails, viewport=PHONE, language="cy", check=check)
    assert report == [], "\n".join(report)
