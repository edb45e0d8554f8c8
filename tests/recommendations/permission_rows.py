"""Every recommendations URL against every role.

people["tenant"] is made a member of the review's panel; people["officer"] owns the
recommendations in progress. Rows for steps that change data make a fresh recommendation for
each role, so that one role's success does not change what the next one sees.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from recommendations.models import ProgressUpdate
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.recommendations import ActionFactory, RecommendationFactory
from tests.factories.reviews import ReviewFactory
from tests.permission_matrix import (
    FORBIDDEN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    Row,
    everyone,
    expect,
)

BASE = "/recommendations"
PANEL_OR_ADMIN = {"tenant": OK, "officer": FORBIDDEN, "manager": FORBIDDEN, "admin": OK}
MANAGERS = {"tenant": FORBIDDEN, "officer": FORBIDDEN, "manager": OK, "admin": OK}
WORKERS = {"tenant": FORBIDDEN, "officer": OK, "manager": OK, "admin": OK}


def _done(codes):
    """The same rule for a POST that works: a redirect back to the recommendation."""
    return {role: REDIRECT if code == OK else code for role, code in codes.items()}


def rows(people):
    panel = PanelFactory()
    MembershipFactory(panel=panel, user=people["tenant"])
    review = ReviewFactory(panel=panel)
    other_review = ReviewFactory()  # another panel's: the tenant is not a member
    officer = people["officer"]

    def rec(status, **kw):
        kw.setdefault("review", review)
        if status in ("in_progress", "implemented", "verified"):
            kw.setdefault("owner", officer)
        return RecommendationFactory(status=status, **kw)

    draft, submitted, accepted = rec("draft"), rec("submitted"), rec("accepted")
    in_progress, implemented = rec("in_progress"), rec("implemented")
    elsewhere = rec("submitted", review=other_review)
    action = ActionFactory(recommendation=in_progress, owner=officer)
    update = ProgressUpdate.objects.create(
        recommendation=in_progress, text="Letters drafted.", written_by=officer,
        evidence=SimpleUploadedFile("draft.txt", b"Draft letter"), evidence_name="draft.txt",
    )
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()

    def fresh(status, path):
        return lambda role: f"{BASE}/{rec(status).pk}/{path}"

    def evidence_data(role):
        return {"summary": "Letters now name the team.",
                "evidence": SimpleUploadedFile("letter.txt", b"A letter naming the team.")}

    return [
        Row("recommendations:tracker", f"{BASE}/", everyone(OK)),
        Row("recommendations:tracker", f"{BASE}/?status=submitted&sort=due&overdue=no", everyone(OK)),
        Row("recommendations:export-csv", f"{BASE}/export.csv", everyone(OK)),
        Row("recommendations:export-xlsx", f"{BASE}/export.xlsx?status=draft", everyone(OK)),
        Row("recommendations:you-said-we-did", f"{BASE}/you-said-we-did/", everyone(OK)),
        # Writing a recommendation: members of the review's panel, and admins.
        Row("recommendations:new", f"{BASE}/reviews/{review.pk}/new/", expect(**PANEL_OR_ADMIN)),
        Row("recommendations:new", f"{BASE}/reviews/{other_review.pk}/new/",
            expect(tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN, admin=OK)),
        Row("recommendations:new", f"{BASE}/reviews/999999/new/", everyone(NOT_FOUND)),
        Row("recommendations:new", f"{BASE}/reviews/{review.pk}/new/", expect(**_done(PANEL_OR_ADMIN)),
            method="post", data={"text": "Name the officer.", "priority": "medium"}),
        # Reading: once submitted, staff see everything and tenants their own panels'
        # recommendations; a draft is the panel's (and its supporting officer's) alone.
        Row("recommendations:detail", f"{BASE}/{draft.pk}/", expect(**PANEL_OR_ADMIN)),
        Row("recommendations:detail", f"{BASE}/{submitted.pk}/", everyone(OK)),
        Row("recommendations:detail", f"{BASE}/{elsewhere.pk}/",
            expect(tenant=FORBIDDEN, officer=OK, manager=OK, admin=OK)),
        Row("recommendations:detail", f"{BASE}/999999/", everyone(NOT_FOUND)),
        Row("recommendations:timeline", f"{BASE}/{in_progress.pk}/timeline/", everyone(OK)),
        Row("recommendations:timeline", f"{BASE}/{elsewhere.pk}/timeline/",
            expect(tenant=FORBIDDEN, officer=OK, manager=OK, admin=OK)),
        Row("recommendations:evidence", f"{BASE}/{in_progress.pk}/evidence/{update.pk}/", everyone(OK)),
        Row("recommendations:evidence", f"{BASE}/{accepted.pk}/evidence/{update.pk}/", everyone(NOT_FOUND)),
        # Drafts: the panel changes and submits them.
        Row("recommendations:edit", f"{BASE}/{draft.pk}/edit/", expect(**PANEL_OR_ADMIN)),
        Row("recommendations:edit", f"{BASE}/{submitted.pk}/edit/", expect(**_done(PANEL_OR_ADMIN))),
        Row("recommendations:edit", fresh("draft", "edit/"), expect(**_done(PANEL_OR_ADMIN)),
            method="post", data={"text": "Name the officer dealing with it.", "priority": "high",
                                  "version": 1}),
        Row("recommendations:submit", fresh("draft", "submit/"), expect(**_done(PANEL_OR_ADMIN)),
            method="post"),
        Row("recommendations:submit", f"{BASE}/{draft.pk}/submit/",
            everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
        Row("recommendations:submit-together", f"{BASE}/reviews/{review.pk}/submit/",
            expect(**PANEL_OR_ADMIN)),
        Row("recommendations:submit-together", f"{BASE}/reviews/{other_review.pk}/submit/",
            expect(tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN, admin=OK)),
        Row("recommendations:submit-together", f"{BASE}/reviews/999999/submit/", everyone(NOT_FOUND)),
        Row("recommendations:submit-together", f"{BASE}/reviews/{review.pk}/submit/",
            expect(**_done(PANEL_OR_ADMIN)), method="post",
            data=lambda role: {"recommendations": [rec("draft").pk]}),
        # The landlord's response and action plan: managers.
        Row("recommendations:respond", f"{BASE}/{submitted.pk}/respond/", expect(**MANAGERS)),
        Row("recommendations:respond", f"{BASE}/{accepted.pk}/respond/", expect(**_done(MANAGERS))),
        Row("recommendations:respond", fresh("submitted", "respond/"), expect(**_done(MANAGERS)),
            method="post", data={"decision": "accepted"}),
        Row("recommendations:agree-plan", f"{BASE}/{accepted.pk}/action-plan/", expect(**MANAGERS)),
        Row("recommendations:agree-plan", fresh("accepted", "action-plan/"), expect(**_done(MANAGERS)),
            method="post", data={"owner": officer.pk, "due_date": tomorrow}),
        # The work: the owning officer, managers and admins.
        Row("recommendations:implement", f"{BASE}/{in_progress.pk}/implemented/", expect(**WORKERS)),
        Row("recommendations:implement", fresh("in_progress", "implemented/"), expect(**_done(WORKERS)),
            method="post", data=evidence_data),
        Row("recommendations:add-action", f"{BASE}/{in_progress.pk}/actions/new/", expect(**WORKERS)),
        Row("recommendations:add-action", fresh("in_progress", "actions/new/"), expect(**_done(WORKERS)),
            method="post", data={"what": "Change the letter.", "owner": officer.pk, "due_date": tomorrow}),
        Row("recommendations:edit-action", f"{BASE}/{in_progress.pk}/actions/{action.pk}/",
            expect(**WORKERS)),
        Row("recommendations:edit-action", f"{BASE}/{accepted.pk}/actions/{action.pk}/", everyone(NOT_FOUND)),
        Row("recommendations:add-progress", f"{BASE}/{in_progress.pk}/progress/new/", expect(**WORKERS)),
        Row("recommendations:add-progress", fresh("in_progress", "progress/new/"), expect(**_done(WORKERS)),
            method="post", data={"text": "Halfway there."}),
        # Checking the work: the panel, and admins.
        Row("recommendations:verify", f"{BASE}/{implemented.pk}/verify/", expect(**PANEL_OR_ADMIN)),
        Row("recommendations:verify", f"{BASE}/{in_progress.pk}/verify/", expect(**_done(PANEL_OR_ADMIN))),
        Row("recommendations:verify", fresh("implemented", "verify/"), expect(**_done(PANEL_OR_ADMIN)),
            method="post", data={"impact_statement": "Tenants know who to call."}),
        Row("recommendations:return", f"{BASE}/{implemented.pk}/return/", expect(**PANEL_OR_ADMIN)),
        Row("recommendations:return", fresh("implemented", "return/"), expect(**_done(PANEL_OR_ADMIN)),
            method="post", data={"reason": "Not all letters."}),
    ]
