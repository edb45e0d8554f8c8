"""What a panel role changes in mystery shopping: the panel's tenant members record visits and
check documents; the chair, vice-chair and supporting officer award "Customer Approved"; the
supporting officer, as an officer, reads visits but does not record them; a former member no
longer sees the panel's programmes. A visit not yet submitted is seen as a draft recommendation
is: by the panel's members, its supporting officer and admins, not by other staff.

The site roles (people) are on no panel here: tenants are refused, staff follow their role."""

from django.core.files.base import ContentFile
from django.utils import timezone

from reviews.models import ReviewKind
from tests.factories.mysteryshop import (
    CheckedDocumentFactory,
    ProgrammeFactory,
    SiteFactory,
    StandardFactory,
    VisitFactory,
)
from tests.factories.panels import PanelFactory
from tests.factories.reviews import ReviewFactory
from tests.permission_matrix import FORBIDDEN, OK, REDIRECT, Row, panel_cast, panel_roles

F = FORBIDDEN
M = "/mystery-shopping"


def rows(people):
    panel = PanelFactory(name="Mystery shopping roles panel")
    cast = panel_cast(panel)
    programme = ProgrammeFactory(panel=panel)
    checklist = StandardFactory().checklist
    checklist.is_current = True  # only a checklist in use can start a visit
    checklist.save(update_fields=["is_current"])
    site = SiteFactory(name="Roles panel office")
    documents = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    draft = VisitFactory(review=programme, checklist=checklist, shopper=cast["member"])
    photo = draft.photos.create(file=ContentFile(b"x", name="p.jpg"), description="Broken tile")
    submitted = VisitFactory(review=programme, checklist=checklist, shopper=cast["member"],
                             status="submitted", submitted_at=timezone.now())

    def fresh_document(role):
        return f"{M}/documents/{CheckedDocumentFactory(review=documents, title=f'Letter ({role})').pk}"

    see = panel_roles(tenant=F, officer=OK, manager=OK, admin=OK, chair=OK, vice_chair=OK,
                      supporting_officer=OK, member=OK, former_member=F)
    # Shoppers: the panel's tenant members and admins.
    shoppers = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                           supporting_officer=F, member=OK, former_member=F)
    # Customer Approved: the panel's chair, vice-chair and supporting officer, and admins.
    leads = panel_roles(tenant=F, officer=F, manager=F, admin=REDIRECT, chair=REDIRECT,
                        vice_chair=REDIRECT, supporting_officer=REDIRECT, member=F, former_member=F)
    # A draft visit: the panel's members and its supporting officer (and admins), as for a
    # draft recommendation; not managers or other officers.
    see_draft = {**see, "officer": F, "manager": F}
    started = {role: REDIRECT if code == OK else code for role, code in shoppers.items()}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("mysteryshop:programme", f"{M}/programmes/{programme.pk}/", see),
        row("mysteryshop:visit-start", f"{M}/programmes/{programme.pk}/visits/new/", shoppers),
        row("mysteryshop:visit", f"{M}/visits/{draft.pk}/", see_draft),
        row("mysteryshop:photo", f"{M}/visits/{draft.pk}/photos/{photo.pk}/", see_draft),
        row("mysteryshop:visit", f"{M}/visits/{submitted.pk}/", see),
        row("mysteryshop:visit-start", f"{M}/programmes/{programme.pk}/visits/new/", started,
            method="post", data={"checklist": checklist.pk, "site": site.pk, "channel": "phone",
                                 "visited_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M")}),
        row("mysteryshop:document-add", f"{M}/programmes/{documents.pk}/documents/add/", shoppers),
        row("mysteryshop:document-decide", lambda role: fresh_document(role) + "/decide/", leads,
            method="post", data={"decision": "approve", "version": "1"}),
    ]
