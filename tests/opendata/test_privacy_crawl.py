"""A signed-out crawl of every public page and file of the demo, in English and in Welsh: none of
the demo people's names, emails or phone numbers appear, except the name of someone who chose to
be named; and no evidence file is public unless the panel marked it so."""

import csv
import io
import re
import zipfile

from django.core.management import call_command
from pypdf import PdfReader

from accounts.models import User
from opendata import pdfs
from opendata.models import Publication
from reviews.models import Evidence
from tests.factories.reviews import DocumentFactory

HOW_WE_COMPARE = "/comparisons/frameworks/scottish-social-housing-charter-2022/"
START = ["/public/programme/", "/public/recommendations/", "/public/open-data/", HOW_WE_COMPARE,
         "/open-data/scrutiny.json", "/open-data/scrutiny-csv.zip", "/open-data/feed.atom",
         "/open-data/scrutiny.schema.json"]
FOLLOWED = re.compile(r'href="((?:/cy)?/(?:public|open-data|comparisons/frameworks)/[^"#?]*)"')


def _text(response):
    """What a reader of the page or file gets, as text."""
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if kind.startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(body))
        return "\n".join(archive.read(name).decode("utf-8-sig") for name in archive.namelist())
    if kind.startswith("application/pdf"):
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode()


def _crawl(client):
    welsh = ["/cy" + path for path in START if not path.startswith("/open-data")]
    seen, texts, queue = set(), {}, [*START, *welsh]
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, path
        texts[path] = _text(response)
        queue += [found for found in FOLLOWED.findall(texts[path]) if found not in seen]
    return texts


def _private_words(person):
    words = [person.email, person.phone]
    if not person.named_in_public:
        words.append(person.display_name)
    return [word for word in words if word and len(word) > 3]


def test_no_demo_person_is_named_and_no_private_evidence_is_served(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    publication = Publication.objects.current().select_related("review").get()
    pdfs.make(publication_id=publication.pk)  # the worker's part, after the seed's commit
    consenting = publication.review.panel.memberships.select_related("user").filter(
        user__role="tenant").first().user
    User.objects.filter(pk=consenting.pk).update(named_in_public=True)
    publication.review.lead_member = consenting
    publication.review.save()
    DocumentFactory(review=publication.review, title="Interview notes, not for the public")
    marked = DocumentFactory(review=publication.review, title="Complaints policy, marked public")
    Evidence.objects.filter(pk=marked.pk).update(public=True)

    texts = _crawl(client)

    review_page = f"/public/reviews/{publication.review_id}/"
    assert review_page in texts and f"/cy{review_page}" in texts
    assert HOW_WE_COMPARE in texts and f"/cy{HOW_WE_COMPARE}" in texts
    assert any(path.endswith("report.pdf") for path in texts)
    assert consenting.display_name in texts[review_page]  # who chose to be named is
    leaks = [(path, word) for person in User.objects.all() for word in _private_words(person)
             for path, text in texts.items() if word in text]
    assert leaks == []
    served = {int(m) for path in texts for m in re.findall(r"/evidence/(\d+)/$", path)}
    assert served == {marked.pk}
    for evidence in Evidence.objects.filter(review=publication.review).exclude(pk=marked.pk):
        assert client.get(f"{review_page}evidence/{evidence.pk}/").status_code == 404


def test_the_demo_publishes_one_review_and_opens_the_public_pages(client, db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # again: nothing added

    assert Publication.objects.count() == 1
    sign_in = client.get("/accounts/sign-in/").content.decode()
    for link in ("/public/programme/", "/public/recommendations/", "/public/open-data/", HOW_WE_COMPARE):
        assert f'href="{link}"' in sign_in
    rows = list(csv.reader(io.StringIO(_text(client.get("/open-data/scrutiny-csv.zip")))))
    assert rows
