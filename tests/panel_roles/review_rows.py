"""What a panel role changes in a review: members see it, propose reviews, change the scope
while it is in scoping and log findings; the chair, vice-chair and supporting officer confirm
it and edit it at any stage; a former member no longer sees it.

The site roles (people) are on no panel here: tenants are refused, staff follow their role."""

from tests.factories.panels import PanelFactory
from tests.factories.reviews import DocumentFactory, ReviewFactory
from tests.permission_matrix import FORBIDDEN, OK, REDIRECT, Row, panel_cast, panel_roles

F = FORBIDDEN


def rows(people):
    panel = PanelFactory(name="Review roles panel")
    cast = panel_cast(panel)
    scoping = ReviewFactory(panel=panel, stage="scoping")
    analysis = ReviewFactory(panel=panel, stage="analysis")
    doc = DocumentFactory(review=scoping, added_by=cast["chair"])
    r = f"/reviews/{scoping.pk}"

    def proposed(role):
        return f"/reviews/{ReviewFactory(panel=panel, stage='proposed').pk}/confirm/"

    see = panel_roles(tenant=F, officer=OK, manager=OK, admin=OK, chair=OK, vice_chair=OK,
                      supporting_officer=OK, member=OK, former_member=F)
    members = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                          supporting_officer=OK, member=OK, former_member=F)
    leads = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                        supporting_officer=OK, member=F, former_member=F)
    # Evidence: the panel's members, the supporting officer among them; not an officer who is
    # not on the panel (scrutiny is independent: the panel decides what evidence it takes).
    evidence = members
    # Findings: tenants on the panel and admins; officers, the supporting officer among them,
    # add evidence only (DESIGN.md's table).
    findings = {**members, "supporting_officer": F}

    edited = {}

    def fresh_scoping(role):
        edited[role] = ReviewFactory(panel=panel, stage="scoping")
        return f"/reviews/{edited[role].pk}/edit/"

    def scope_data(role):
        review = edited[role]
        return {"panel": panel.pk, "title": review.title, "kind": review.kind,
                "scope": f"Repairs letters, as {role} sees it.", "version": review.version}

    def redirects(expected):
        return {role: REDIRECT if code == OK else code for role, code in expected.items()}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("reviews:detail", f"{r}/", see),
        row("reviews:report", f"{r}/report/", see),
        row("reviews:evidence", f"{r}/evidence/{doc.pk}/", see),
        # Proposing: any current member of the panel; confirming: its leads.
        row("reviews:create", f"/reviews/new/?panel={panel.pk}", members),
        row("reviews:create", "/reviews/new/", redirects(members), method="post",
            data=lambda role: {"panel": panel.pk, "title": f"Lettings ({role})",
                               "kind": "scrutiny_review"}),
        row("reviews:confirm", proposed, redirects(leads), method="post"),
        # The scope: any member while in scoping; after that, the leads.
        row("reviews:edit", f"{r}/edit/", members),
        row("reviews:edit", fresh_scoping, redirects(members), method="post", data=scope_data),
        row("reviews:edit", f"/reviews/{analysis.pk}/edit/", leads),
        row("reviews:stage", f"{r}/stage/", leads),
        row("reviews:evidence-add", f"{r}/evidence/add/figure/", evidence),
        row("reviews:evidence-add", f"{r}/evidence/add/figure/", redirects(evidence), method="post",
            data=lambda role: {"measure": f"Repairs done on time ({role})", "value": "91.5",
                               "unit": "%", "period": "2016/17", "higher_is_better": "True"}),
        row("reviews:finding-add", f"{r}/findings/add/", findings),
        row("reviews:finding-add", f"{r}/findings/add/", redirects(findings), method="post",
            data=lambda role: {"kind": "strength", "statement": f"Letters are clear ({role}).",
                               "evidence": [doc.pk]}),
    ]
