"""Every reviews URL against every role.

The tenant is a plain member of panel A (so they log evidence and findings there, propose
reviews and edit their scope while in scoping, but do not confirm reviews or move their stage);
panel B is another panel, whose supporting officer is the officer.
Officers see every review; a panel's supporting officer adds evidence to its reviews (not
findings), other officers do not (scrutiny is independent: the panel decides what evidence it
takes); managers read; admins do all."""

from django.core.files.uploadedfile import SimpleUploadedFile

from panels.models import PanelRole
from reviews.models import ServiceArea
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import (
    DocumentFactory,
    FindingFactory,
    InterviewFactory,
    PerformanceFigureFactory,
    ReviewFactory,
    ServiceAreaFactory,
    SiteVisitFactory,
    SiteVisitPhotoFactory,
)
from tests.permission_matrix import (
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    OK,
    REDIRECT,
    Row,
    admins_only,
    everyone,
    expect,
)
from tests.reviews.regulator_figures import build as build_regulator_figures

F = FORBIDDEN
SIGNED_OUT = 401  # the autosave endpoint answers in JSON so the page can keep the person's text


def _figure(role):
    return {"measure": f"Repairs done on time ({role})", "value": "91.5", "unit": "%",
            "period": "2016/17", "higher_is_better": "True"}


def _text_file(role):
    return {"title": f"Repairs letters ({role})",
            "file": SimpleUploadedFile("letters.txt", b"Your repair is booked for Tuesday.")}


def rows(people):
    tenant, officer = people["tenant"], people["officer"]
    panel_a, panel_b = PanelFactory(name="Panel A"), PanelFactory(name="Panel B")
    MembershipFactory(panel=panel_a, user=tenant, role=PanelRole.MEMBER)
    MembershipFactory(panel=panel_b, user=officer, role=PanelRole.SUPPORTING_OFFICER)
    a, b = ReviewFactory(panel=panel_a), ReviewFactory(panel=panel_b)
    doc_a = DocumentFactory(review=a, added_by=tenant)
    doc_b = DocumentFactory(review=b, added_by=officer)
    figure_a, interview_a = PerformanceFigureFactory(review=a), InterviewFactory(review=a)
    visit_a = SiteVisitFactory(review=a)
    photo_a, photo_b = SiteVisitPhotoFactory(site_visit=visit_a), SiteVisitPhotoFactory(
        site_visit=SiteVisitFactory(review=b)
    )
    finding_a, finding_b = FindingFactory(review=a, raised_by=tenant), FindingFactory(review=b)
    ra, rb = f"/reviews/{a.pk}", f"/reviews/{b.pk}"

    read_a = everyone(OK)
    read_b = expect(tenant=F, officer=OK, manager=OK, admin=OK)
    # Evidence: the panel's members, its supporting officer and admins; not every officer.
    evidence_a = expect(tenant=OK, officer=F, manager=F, admin=OK)
    evidence_b = expect(tenant=F, officer=OK, manager=F, admin=OK)
    findings_a = expect(tenant=OK, officer=F, manager=F, admin=OK)
    admins = expect(tenant=F, officer=F, manager=F, admin=OK)
    leads_b = expect(tenant=F, officer=OK, manager=F, admin=OK)

    def proposed(panel):
        return lambda role: f"/reviews/{ReviewFactory(panel=panel, stage='proposed').pk}/confirm/"

    def moved(code):
        return expect(tenant=F, officer=code, manager=F, admin=code)

    area = ServiceAreaFactory(name="Repairs for the matrix")
    build_regulator_figures()  # TP01 is weak: in the bottom quarter

    def propose_tp01(role):
        panel = panel_a if role in ("tenant", "admin") else panel_b
        return {"prefix": "p", "p-measure": "TP01", "p-tenure": "lcra", "p-panel": panel.pk}

    return [
        Row("reviews:service-areas", "/reviews/service-areas/", admins_only()),
        Row("reviews:service-areas", "/reviews/service-areas/", admins_only(REDIRECT), method="post",
            data=lambda role: {"name": f"Gas safety ({role})"}),
        Row("reviews:service-area-edit", f"/reviews/service-areas/{area.pk}/", admins_only()),
        Row("reviews:service-area-edit", f"/reviews/service-areas/{area.pk}/", admins_only(REDIRECT),
            method="post", data=lambda role: {
                "name": area.name, "is_active": "yes",
                "version": ServiceArea.objects.get(pk=area.pk).version}),
        Row("reviews:list", "/reviews/", everyone(OK)),
        Row("reviews:list", "/reviews/?q=complaints&stage=scoping&year=2016", everyone(OK)),
        Row("reviews:evidence-list", "/reviews/evidence/", everyone(OK)),
        Row("reviews:evidence-list", f"/reviews/evidence/?review={a.pk}&kind=document", everyone(OK)),
        # Proposing a review: any current member of a panel, and admins; the chair, vice-chair
        # or supporting officer (or an admin) confirms it.
        Row("reviews:create", "/reviews/new/", expect(tenant=OK, officer=OK, manager=F, admin=OK)),
        Row("reviews:create", "/reviews/new/", expect(tenant=REDIRECT, officer=REDIRECT, manager=F,
            admin=REDIRECT), method="post",
            data=lambda role: {"panel": (panel_a if role == "tenant" else panel_b).pk,
                               "title": f"Lettings ({role})", "kind": "scrutiny_review"}),
        # Where to look next: everyone signed in reads it; proposing a review from it follows
        # the rules of proposing any review (a second proposal goes to the open review).
        Row("reviews:where-to-look", "/reviews/where-to-look-next/", everyone(OK)),
        Row("reviews:propose-from-measure", "/reviews/where-to-look-next/propose/?measure=TP01&tenure=lcra",
            expect(tenant=OK, officer=OK, manager=F, admin=OK)),
        Row("reviews:propose-from-measure", "/reviews/where-to-look-next/propose/",
            expect(tenant=REDIRECT, officer=REDIRECT, manager=F, admin=REDIRECT), method="post",
            data=propose_tp01),
        Row("reviews:confirm", proposed(panel_b), moved(REDIRECT), method="post"),
        Row("reviews:confirm", proposed(panel_a), admins_only(REDIRECT), method="post"),
        Row("reviews:confirm", f"{rb}/confirm/", everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("reviews:detail", f"{ra}/", read_a),
        Row("reviews:detail", f"{rb}/", read_b),
        Row("reviews:report", f"{ra}/report/", read_a),
        Row("reviews:report", f"{rb}/report/", read_b),
        # Members change the scope while the review is in scoping; after that, its leads.
        Row("reviews:edit", f"{ra}/edit/", expect(tenant=OK, officer=F, manager=F, admin=OK)),
        Row("reviews:edit", f"/reviews/{ReviewFactory(panel=panel_a, stage='analysis').pk}/edit/", admins),
        Row("reviews:edit", f"{rb}/edit/", leads_b),
        Row("reviews:stage", f"{ra}/stage/", admins),
        Row("reviews:stage", f"{rb}/stage/", moved(REDIRECT), method="post",
            data=lambda role: {"to_stage": "evidence" if role == "officer" else "analysis"}),
        # Evidence: panel members, officers and admins add it; managers read.
        Row("reviews:evidence-add", f"{ra}/evidence/add/document/", evidence_a),
        Row("reviews:evidence-add", f"{ra}/evidence/add/interview/", evidence_a),
        Row("reviews:evidence-add", f"{ra}/evidence/add/site-visit/", evidence_a),
        Row("reviews:evidence-add", f"{rb}/evidence/add/figure/", evidence_b),
        Row("reviews:evidence-add", f"{ra}/evidence/add/figure/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT),
            method="post", data=_figure),
        Row("reviews:evidence-add", f"{rb}/evidence/add/figure/",
            expect(tenant=F, officer=REDIRECT, manager=F, admin=REDIRECT),
            method="post", data=_figure),
        Row("reviews:evidence-add", f"{ra}/evidence/add/document/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT),
            method="post", data=_text_file),
        Row("reviews:evidence", f"{ra}/evidence/{doc_a.pk}/", read_a),
        Row("reviews:evidence", f"{ra}/evidence/{figure_a.pk}/", read_a),
        Row("reviews:evidence", f"{ra}/evidence/{interview_a.pk}/", read_a),
        Row("reviews:evidence", f"{ra}/evidence/{visit_a.pk}/", read_a),
        Row("reviews:evidence", f"{rb}/evidence/{doc_b.pk}/", read_b),
        # Whoever added it, the panel's leads and admins change evidence.
        Row("reviews:evidence-edit", f"{ra}/evidence/{doc_a.pk}/edit/",
            expect(tenant=OK, officer=F, manager=F, admin=OK)),
        Row("reviews:evidence-edit", f"{ra}/evidence/{interview_a.pk}/edit/", admins),
        Row("reviews:evidence-edit", f"{rb}/evidence/{doc_b.pk}/edit/", leads_b),
        Row("reviews:evidence-file", f"{ra}/evidence/{doc_a.pk}/file/", read_a),
        Row("reviews:evidence-file", f"{rb}/evidence/{doc_b.pk}/file/", read_b),
        Row("reviews:photo", f"{ra}/photos/{photo_a.pk}/", read_a),
        Row("reviews:photo", f"{rb}/photos/{photo_b.pk}/", read_b),
        Row("reviews:photo-add", f"{ra}/evidence/{visit_a.pk}/photos/add/", evidence_a),
        # Findings: the panel's members and admins; officers and managers read.
        Row("reviews:finding-add", f"{ra}/findings/add/", findings_a),
        Row("reviews:finding-add", f"{rb}/findings/add/", admins),
        Row("reviews:finding-add", f"{ra}/findings/add/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT), method="post",
            data=lambda role: {"kind": "strength", "statement": f"Letters are clear ({role}).",
                               "evidence": [doc_a.pk]}),
        Row("reviews:finding", f"{ra}/findings/{finding_a.pk}/", read_a),
        Row("reviews:finding", f"{rb}/findings/{finding_b.pk}/", read_b),
        Row("reviews:finding-edit", f"{ra}/findings/{finding_a.pk}/edit/", findings_a),
        Row("reviews:finding-edit", f"{rb}/findings/{finding_b.pk}/edit/", admins),
        Row("reviews:comment-add", f"{ra}/findings/{finding_a.pk}/comments/", everyone(NOT_ALLOWED)),
        Row("reviews:comment-add", f"{ra}/findings/{finding_a.pk}/comments/",
            expect(tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT), method="post",
            data={"kind": "agree"}),
        Row("reviews:comment-add", f"{rb}/findings/{finding_b.pk}/comments/",
            expect(tenant=F, officer=F, manager=F, admin=REDIRECT), method="post",
            data={"kind": "agree"}),
        # Drafts: saved only by people who may use the form; signed-out people get a 401.
        Row("reviews:draft-save", "/reviews/drafts/save/", everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("reviews:draft-save", "/reviews/drafts/save/",
            expect(anonymous=SIGNED_OUT, tenant=OK, officer=F, manager=F, admin=OK), method="post",
            data={"_draft_form": "finding-add", "_draft_object": a.pk, "statement": "Half a tho"}),
        Row("reviews:draft-save", "/reviews/drafts/save/",
            expect(anonymous=SIGNED_OUT, tenant=F, officer=OK, manager=F, admin=OK), method="post",
            data={"_draft_form": "interview-add", "_draft_object": b.pk, "notes": "They said"}),
        Row("reviews:draft-discard", "/reviews/drafts/discard/",
            expect(anonymous=LOGIN, tenant=REDIRECT, officer=F, manager=F, admin=REDIRECT),
            method="post", data={"_draft_form": "finding-add", "_draft_object": a.pk}),
    ]
