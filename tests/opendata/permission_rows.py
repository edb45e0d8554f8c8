"""Every URL of the public pages and open data against every role, signed out included, with the
pages switched on; and publishing, which only the panel's chair and administrators may do.

Rows that publish or take down make a fresh review for each role, so that one role's success
does not change what the next one sees."""

from opendata import pdfs, services
from recommendations.models import Status
from reviews.models import Stage
from tests.factories.panels import PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import DocumentFactory, ReviewFactory
from tests.opendata.conftest import switch_on
from tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    OK,
    REDIRECT,
    Row,
    everyone,
    panel_cast,
    panel_roles,
)

F = FORBIDDEN
CHAIR_OR_ADMIN = panel_roles(anonymous=LOGIN, tenant=F, officer=F, manager=F, admin=REDIRECT, chair=REDIRECT,
                             vice_chair=F, supporting_officer=F, member=F, former_member=F)


def rows(people):
    switch_on()
    panel = PanelFactory(name="Open data panel")
    cast = panel_cast(panel)

    def completed():
        review = ReviewFactory(panel=panel, stage=Stage.MONITORING)
        RecommendationFactory(review=review, status=Status.ACCEPTED)
        return review

    def published():
        review = completed()
        services.publish(review=review, by=people["admin"])
        return review

    shown = published()
    pdfs.make(publication_id=shown.publications.get().pk)  # the worker's part, after publishing
    document = DocumentFactory(review=shown)
    services.mark_evidence(evidence=document, by=people["admin"], public_now=True)
    hidden = DocumentFactory(review=completed())
    anyone = everyone(OK, anonymous=OK)

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        Row("opendata:programme", "/public/programme/", anyone),
        Row("opendata:review", f"/public/reviews/{shown.pk}/", anyone),
        Row("opendata:review-pdf", f"/public/reviews/{shown.pk}/report.pdf", anyone),
        Row("opendata:evidence-file", f"/public/reviews/{shown.pk}/evidence/{document.pk}/", anyone),
        Row("opendata:recommendations", "/public/recommendations/", anyone),
        Row("opendata:about", "/public/open-data/", anyone),
        Row("open-data:json", "/open-data/scrutiny.json", anyone),
        Row("open-data:csv", "/open-data/scrutiny-csv.zip", anyone),
        Row("open-data:feed", "/open-data/feed.atom", anyone),
        Row("open-data:schema", "/open-data/scrutiny.schema.json", anyone),
        # A review not published, and evidence not marked public, are nobody's to read.
        Row("opendata:review", f"/public/reviews/{hidden.review_id}/", everyone(404, anonymous=404)),
        Row("opendata:evidence-file", f"/public/reviews/{hidden.review_id}/evidence/{hidden.pk}/",
            everyone(404, anonymous=404)),
        row("opendata:publish", f"/public/reviews/{shown.pk}/publish",
            everyone(NOT_ALLOWED, anonymous=LOGIN)),
        row("opendata:publish", lambda role: f"/public/reviews/{completed().pk}/publish", CHAIR_OR_ADMIN,
            method="post"),
        row("opendata:unpublish", f"/public/reviews/{shown.pk}/unpublish",
            everyone(NOT_ALLOWED, anonymous=LOGIN)),
        row("opendata:unpublish", lambda role: f"/public/reviews/{published().pk}/unpublish", CHAIR_OR_ADMIN,
            method="post"),
        row("opendata:mark-evidence", f"/public/reviews/{shown.pk}/evidence/{document.pk}/public",
            everyone(NOT_ALLOWED, anonymous=LOGIN)),
        row("opendata:mark-evidence",
            lambda role: f"/public/reviews/{(d := DocumentFactory(review=completed())).review_id}"
                         f"/evidence/{d.pk}/public",
            CHAIR_OR_ADMIN, method="post", data={"public": "1"}),
    ]
