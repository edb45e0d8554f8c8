"""The document check reads a heading (the leaflet's title, a section heading on a line of its
own) apart from the sentences: it is not glued to the first sentence, not counted as one, and
does not make a sentence look long."""

import re

import pytest

from mysteryshop.readability import analyse
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import CheckedDocumentFactory

pytestmark = pytest.mark.django_db

# 24 words: just short enough, unless the title's three words are read into it.
FIRST = ("If you fall behind with your rent we will write to you and phone you within two weeks "
         "to agree a plan you can afford.")
LEAFLET = f"Rent arrears policy\n{FIRST}\nWho to call\nCall your housing officer on 01738 476000."


def test_the_title_and_a_heading_are_not_read_as_part_of_a_sentence():
    report = analyse(LEAFLET, [], title="Rent arrears policy")
    assert report.headings == ["Rent arrears policy", "Who to call"]
    assert report.sentence_count == 2
    assert report.long_sentences == []


def test_a_line_broken_in_the_middle_of_a_sentence_is_not_a_heading():
    report = analyse("We will contact the\nHousing Office for you. Then we write to you.", [])
    assert report.headings == []
    assert report.sentence_count == 2


def test_the_document_page_counts_headings_apart_and_lists_no_long_sentence(client):
    document = CheckedDocumentFactory(title="Rent arrears policy", text=LEAFLET)
    client.force_login(UserFactory(role="admin"))
    page = " ".join(re.sub(r"<[^>]+>", " ", client.get(document.get_absolute_url()).content.decode()).split())
    assert "Words and sentences 38 words in 2 sentences and 2 headings" in page
    assert "Long sentences (over 25 words) 0" in page
    assert "Rent arrears policy If you fall behind" not in page.split("The document's text")[0]
