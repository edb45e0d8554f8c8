"""Every mysteryshop URL against every role.

The tenant is a member of programme A's panel (a shopper there) and has a draft visit; panel B's
programme is not theirs. Everyone signed in reads checklists; only admins change them and the
jargon list. The panel and staff read submitted visits; a draft visit, like a draft
recommendation, is for the panel's members, its supporting officer and admins (the officer and
manager here support no panel); shoppers change only their own drafts."""

from django.core.files.base import ContentFile
from django.utils import timezone

from mysteryshop.models import Checklist, VisitStatus
from reviews.models import ReviewKind
from tests.factories.mysteryshop import (
    CheckedDocumentFactory,
    JargonTermFactory,
    ProgrammeFactory,
    SectionFactory,
    SiteFactory,
    StandardFactory,
    VisitFactory,
)
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import ReviewFactory
from tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    OK,
    REDIRECT,
    Row,
    admins_only,
    everyone,
    expect,
    panel_cast,
    panel_roles,
)

F = FORBIDDEN
BAD = 400  # the answer endpoint answers a malformed body in JSON
SHOPPERS = expect(tenant=OK, officer=F, manager=F, admin=OK)
SEE_DRAFT = expect(tenant=OK, officer=F, manager=F, admin=OK)


def _checklist_rows():
    used = Checklist.objects.filter(is_current=True).first()
    section = SectionFactory(title="Reception")
    standard = StandardFactory(section=section)
    checklist = section.checklist
    c = f"/mystery-shopping/checklists/{checklist.pk}"

    def remove_url(role):
        extra = StandardFactory(section=section, question=f"Remove me ({role})")
        return f"{c}/standards/{extra.pk}/remove/"

    return [
        Row("mysteryshop:checklists", "/mystery-shopping/checklists/", everyone(OK)),
        Row("mysteryshop:checklist", f"/mystery-shopping/checklists/{used.pk}/", everyone(OK)),
        Row("mysteryshop:checklist-create", "/mystery-shopping/checklists/new/", admins_only()),
        Row("mysteryshop:checklist-create", "/mystery-shopping/checklists/new/",
            admins_only(REDIRECT), method="post",
            data=lambda role: {"title": f"Estate walkabout ({role})", "purpose": "other"}),
        Row("mysteryshop:checklist-edit", f"{c}/edit/", admins_only()),
        Row("mysteryshop:checklist-copy", f"{c}/copy/", admins_only()),
        Row("mysteryshop:checklist-copy", f"{c}/copy/", admins_only(REDIRECT), method="post",
            data={"title": "A copy"}),
        Row("mysteryshop:section-add", f"{c}/sections/add/", admins_only()),
        Row("mysteryshop:section-edit", f"{c}/sections/{section.pk}/edit/", admins_only()),
        Row("mysteryshop:standard-add", f"{c}/sections/{section.pk}/standards/add/", admins_only()),
        Row("mysteryshop:standard-edit", f"{c}/standards/{standard.pk}/edit/", admins_only()),
        Row("mysteryshop:standard-remove", remove_url, admins_only(REDIRECT), method="post",
            data={"version": "0"}),
        # A refused move (the first one up, a stale version) also redirects, with a message.
        Row("mysteryshop:section-move", f"{c}/sections/{section.pk}/move/", admins_only(REDIRECT),
            method="post", data={"direction": "down", "version": "0"}),
        Row("mysteryshop:standard-move", f"{c}/standards/{standard.pk}/move/", admins_only(REDIRECT),
            method="post", data={"direction": "down", "version": "0"}),
        Row("mysteryshop:standard-move", f"{c}/standards/{standard.pk}/move/",
            expect(tenant=405, officer=405, manager=405, admin=405)),
    ]


def _visit_rows(people):
    tenant = people["tenant"]
    panel_a, panel_b = PanelFactory(name="Mystery shoppers"), PanelFactory(name="Quality panel")
    MembershipFactory(panel=panel_a, user=tenant)
    a, b = ProgrammeFactory(panel=panel_a), ProgrammeFactory(panel=panel_b)
    standard = StandardFactory()
    checklist = standard.checklist
    draft = VisitFactory(review=a, checklist=checklist, shopper=tenant)
    submitted = VisitFactory(review=a, checklist=checklist, shopper=tenant,
                             status=VisitStatus.SUBMITTED, submitted_at=timezone.now())
    other = VisitFactory(review=b, checklist=checklist, status=VisitStatus.SUBMITTED,
                         submitted_at=timezone.now())
    photo = draft.photos.create(file=ContentFile(b"x", name="p.jpg"), description="Broken tile")
    v, m = f"/mystery-shopping/visits/{draft.pk}", "/mystery-shopping"
    return [
        Row("mysteryshop:programmes", f"{m}/", everyone(OK)),
        Row("mysteryshop:programme", f"{m}/programmes/{a.pk}/", everyone(OK)),
        Row("mysteryshop:programme", f"{m}/programmes/{b.pk}/",
            expect(tenant=F, officer=OK, manager=OK, admin=OK)),
        Row("mysteryshop:visit-start", f"{m}/programmes/{a.pk}/visits/new/", SHOPPERS),
        Row("mysteryshop:dashboard", f"{m}/programmes/{a.pk}/dashboard/", everyone(OK)),
        Row("mysteryshop:dashboard", f"{m}/programmes/{b.pk}/dashboard/",
            expect(tenant=F, officer=OK, manager=OK, admin=OK)),
        Row("mysteryshop:finding-from-standard",
            f"{m}/programmes/{a.pk}/standards/{standard.pk}/finding/", SHOPPERS),
        Row("mysteryshop:visit", f"{v}/", SEE_DRAFT),
        Row("mysteryshop:visit", f"{m}/visits/{submitted.pk}/", everyone(OK)),
        Row("mysteryshop:visit", f"{m}/visits/{other.pk}/",
            expect(tenant=F, officer=OK, manager=OK, admin=OK)),
        Row("mysteryshop:visit-edit", f"{v}/edit/", SHOPPERS),
        Row("mysteryshop:visit-edit", f"{m}/visits/{submitted.pk}/edit/", admins_only()),
        Row("mysteryshop:visit-record", f"{v}/record/", SHOPPERS),
        Row("mysteryshop:visit-record", f"{m}/visits/{submitted.pk}/record/",
            expect(tenant=REDIRECT, officer=REDIRECT, manager=REDIRECT, admin=OK)),
        Row("mysteryshop:visit-answer", f"{v}/answers/",
            expect(tenant=BAD, officer=F, manager=F, admin=BAD), method="post"),
        Row("mysteryshop:visit-submit", f"{v}/submit/", expect(tenant=REDIRECT, officer=F, manager=F,
            admin=REDIRECT), method="post"),
        Row("mysteryshop:photo-add", f"{v}/photos/add/", SHOPPERS),
        Row("mysteryshop:photo", f"{v}/photos/{photo.pk}/", SEE_DRAFT),
        Row("visit-worker", "/visit-worker.js", everyone(OK, anonymous=OK)),
    ]


def _document_rows(people):
    tenant = people["tenant"]
    panel = PanelFactory(name="Quality panel (documents)")
    MembershipFactory(panel=panel, user=tenant)
    review = ReviewFactory(panel=panel, kind=ReviewKind.DOCUMENT_REVIEW)
    document = CheckedDocumentFactory(review=review, file=ContentFile(b"Plain words.", name="letter.txt"))
    m, d = "/mystery-shopping", f"/mystery-shopping/documents/{document.pk}"
    term = JargonTermFactory(term="decant", plain="move you while work is done")

    def fresh_document(role):
        return f"{m}/documents/{CheckedDocumentFactory(review=review, title=f'Letter ({role})').pk}"

    def remove_term(role):
        return f"{m}/jargon/{JargonTermFactory(term=f'jargon-{role}', plain='plain').pk}/remove/"

    return [
        Row("mysteryshop:documents", f"{m}/programmes/{review.pk}/documents/", everyone(OK)),
        Row("mysteryshop:document-add", f"{m}/programmes/{review.pk}/documents/add/", SHOPPERS),
        Row("mysteryshop:document", f"{d}/", everyone(OK)),
        Row("mysteryshop:document-edit", f"{d}/edit/", SHOPPERS),
        Row("mysteryshop:document-file", f"{d}/file/", everyone(OK)),
        Row("mysteryshop:document-check", lambda r: fresh_document(r) + "/score/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT), method="post"),
        Row("mysteryshop:document-decide", lambda r: fresh_document(r) + "/decide/",
            expect(tenant=F, officer=F, manager=F, admin=REDIRECT), method="post",
            data={"decision": "approve", "version": "1"}),
        Row("mysteryshop:document-new-version", lambda r: fresh_document(r) + "/new-version/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT), method="post"),
        Row("mysteryshop:register", f"{m}/register/", everyone(OK, anonymous=LOGIN)),
        Row("mysteryshop:jargon", f"{m}/jargon/", admins_only()),
        Row("mysteryshop:jargon-add", f"{m}/jargon/add/", admins_only()),
        Row("mysteryshop:jargon-edit", f"{m}/jargon/{term.pk}/edit/", admins_only()),
        Row("mysteryshop:jargon-remove", remove_term, admins_only(REDIRECT), method="post"),
    ]


def _site_rows():
    """Administrators and the leads of a panel running visits manage sites; others may not."""
    panel = PanelFactory(name="Inspection panel (sites)")
    ProgrammeFactory(panel=panel, kind=ReviewKind.INSPECTION)
    cast = panel_cast(panel)
    site = SiteFactory(name="Hostel on Leonard Street")
    m = "/mystery-shopping/sites"
    leads = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                        supporting_officer=OK, member=F, former_member=F)
    moved = {role: REDIRECT if code == OK else code for role, code in leads.items()}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("mysteryshop:sites", f"{m}/", leads),
        row("mysteryshop:sites", f"{m}/?q=hostel&page=2", leads),
        row("mysteryshop:site-add", f"{m}/add/", leads),
        row("mysteryshop:site-add", f"{m}/add/", moved, method="post",
            data=lambda role: {"name": f"Office ({role})", "kind": "office", "address": ""}),
        row("mysteryshop:site-edit", f"{m}/{site.pk}/edit/", leads),
        row("mysteryshop:site-edit", lambda role: f"{m}/{SiteFactory(name=f'Edit {role}').pk}/edit/",
            moved, method="post", data=lambda role: {"name": f"Edited {role}", "kind": "office",
                                                     "address": "", "version": "1"}),
        row("mysteryshop:site-use", lambda role: f"{m}/{SiteFactory(name=f'Use {role}').pk}/use/",
            moved, method="post", data={"in_use": "no"}),
    ]


def rows(people):
    return _checklist_rows() + _visit_rows(people) + _document_rows(people) + _site_rows()

