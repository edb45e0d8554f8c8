"""No page in the whole product shows anyone's score comment or evidence link of an open
self-assessment to anyone but its author: every URL of every app's permission matrix is opened
by every role (and panel role) it names, with each open self-assessment's scores carrying a
unique private note."""

import importlib

import pytest
from django.utils import timezone
from django.utils.html import escape

from assessments.models import Score, SelfAssessment
from tests.permission_matrix import Clients, roles_of
from tests.test_permissions import ROW_MODULES

pytestmark = pytest.mark.django_db


def test_no_url_shows_an_open_self_assessments_scores_to_anyone_else(users):
    rows = [row for name in ROW_MODULES for row in importlib.import_module(name).rows(users)]
    today = timezone.localdate()
    open_ids = [sa.pk for sa in SelfAssessment.objects.all() if not sa.is_closed(today)]
    secrets = []  # (author's user id, note, link)
    for score in Score.objects.filter(assessor__self_assessment_id__in=open_ids).select_related("assessor"):
        note, link = f"Private note {score.pk}", f"https://example.org/private-evidence-{score.pk}"
        Score.objects.filter(pk=score.pk).update(comment=note, evidence_url=link)
        secrets.append((score.assessor.user_id, note, link))
    assert len(open_ids) >= 2 and len({author for author, _, _ in secrets}) >= 2  # the check can fail

    leaks, opened, own_seen = [], 0, 0
    clients = Clients()
    for row in rows:
        if row.method != "get":
            continue
        for role in roles_of(row):
            if role == "anonymous":
                continue
            person = row.cast.get(role) or users[role]
            response = clients.of(person).get(row.url_for(role))
            opened += 1
            body = b"".join(response.streaming_content) if response.streaming else response.content
            page = body.decode(errors="replace")
            for author, note, link in secrets:
                shown = note in page or escape(link) in page or link in page
                if shown and author == person.pk:
                    own_seen += 1
                elif shown:
                    leaks.append(f"{row.name} {row.url_for(role)} as {role} shows {note}")
    assert opened > 200
    # The notes do reach pages (each assessor's own score form), so a leak would be seen.
    assert own_seen > 0
    assert leaks == []
