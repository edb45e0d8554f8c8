"""What a panel role changes for recommendations: the panel's tenant members draft them, see
the drafts and verify the work; the supporting officer sees the drafts but, as an officer,
neither drafts nor verifies; managers see a recommendation only once it is submitted; a former
member no longer sees the panel's recommendations.

The site roles (people) are on no panel here: tenants are refused, staff follow their role."""

from tests.factories.panels import PanelFactory
from tests.factories.recommendations import RecommendationFactory
from tests.factories.reviews import ReviewFactory
from tests.permission_matrix import FORBIDDEN, OK, REDIRECT, Row, panel_cast, panel_roles

F = FORBIDDEN
BASE = "/recommendations"


def rows(people):
    panel = PanelFactory(name="Recommendation roles panel")
    cast = panel_cast(panel)
    review = ReviewFactory(panel=panel)
    draft = RecommendationFactory(review=review, status="draft")
    implemented = RecommendationFactory(review=review, status="implemented", owner=people["officer"])

    def fresh(status, path):
        return lambda role: f"{BASE}/{RecommendationFactory(review=review, status=status).pk}/{path}"

    # Writing and verifying: the panel's tenant members and admins (DESIGN.md's table).
    tenant_members = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                                 supporting_officer=F, member=OK, former_member=F)
    # A draft: the panel's members and its supporting officer; not managers or other officers.
    see_draft = {**tenant_members, "supporting_officer": OK}
    # Once submitted: all staff, and the panel's current members.
    see_submitted = {**see_draft, "officer": OK, "manager": OK}

    def done(expected):
        return {role: REDIRECT if code == OK else code for role, code in expected.items()}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("recommendations:new", f"{BASE}/reviews/{review.pk}/new/", tenant_members),
        row("recommendations:new", f"{BASE}/reviews/{review.pk}/new/", done(tenant_members),
            method="post", data={"text": "Name the officer.", "priority": "medium"}),
        row("recommendations:detail", f"{BASE}/{draft.pk}/", see_draft),
        row("recommendations:detail", f"{BASE}/{implemented.pk}/", see_submitted),
        row("recommendations:edit", f"{BASE}/{draft.pk}/edit/", tenant_members),
        row("recommendations:submit", fresh("draft", "submit/"), done(tenant_members), method="post"),
        row("recommendations:verify", f"{BASE}/{implemented.pk}/verify/", tenant_members),
        row("recommendations:verify", fresh("implemented", "verify/"), done(tenant_members),
            method="post", data={"impact_statement": "Tenants know who to call."}),
        row("recommendations:return", fresh("implemented", "return/"), done(tenant_members),
            method="post", data={"reason": "Not all letters."}),
    ]
