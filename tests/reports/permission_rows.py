"""Every reports URL against every role.

The tenant is a member of panel A (not its chair); the review of panel B is not theirs.
Reports a tenant may have: the annual report and their panels' review reports; exports go to
the person who asked only (and administrators)."""

import itertools

from panels.models import PanelRole
from reports.annual import current_year
from reports.models import Kind, Status, WaitingRequest
from reviews.models import ReviewKind
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reports import AnnualReportFactory, ReportRequestFactory, approved_report
from tests.factories.reviews import ReviewFactory
from tests.permission_matrix import FORBIDDEN, LOGIN, NOT_ALLOWED, OK, REDIRECT, Row, everyone, expect

F = FORBIDDEN
STAFF_OK = {"tenant": F, "officer": OK, "manager": OK, "admin": OK}
STAFF_DONE = {"tenant": F, "officer": REDIRECT, "manager": REDIRECT, "admin": REDIRECT}


def rows(people):
    tenant, manager = people["tenant"], people["manager"]
    panel_a, panel_b = PanelFactory(name="Panel A"), PanelFactory(name="Panel B")
    MembershipFactory(panel=panel_a, user=tenant, role=PanelRole.MEMBER)
    ours, theirs = ReviewFactory(panel=panel_a), ReviewFactory(panel=panel_b)
    programme = ReviewFactory(panel=panel_b, kind=ReviewKind.MYSTERY_SHOPPING)
    year = current_year() - 1
    approved_report(year, published=True)
    unpublished = year - 1

    def made(kind, status=Status.DONE, **params):
        return ReportRequestFactory(kind=kind, status=status, parameters=params, requested_by=manager)

    annual = made(Kind.ANNUAL, year=year, large_print=False)
    review_a = made(Kind.REVIEW, review=ours.pk)
    review_b = made(Kind.REVIEW, review=theirs.pk)
    export = made(Kind.TRACKER_XLSX, filters={})
    tracker = made(Kind.TRACKER, filters={})
    waiting = made(Kind.ANNUAL, status=Status.QUEUED, year=year, large_print=True)

    def failed(role):
        return f"/reports/{made(Kind.ANNUAL, status=Status.FAILED, year=year, role=role).pk}/retry/"

    earlier_years = itertools.count(unpublished - 10, -1)

    def tenants_waiting(role):
        # A fresh waiting request of the tenant's for each role, so one role's cancelling
        # does not decide what the next role sees.
        record = AnnualReportFactory(year=next(earlier_years))
        waiting = WaitingRequest.objects.create(annual_report=record, requested_by=tenant)
        return f"/reports/waiting/{waiting.pk}/cancel/"

    tenant_and_staff = everyone(OK)
    return [
        Row("reports:index", "/reports/", everyone(OK)),
        Row("reports:ask-annual", "/reports/ask/annual/", everyone(REDIRECT), method="post",
            data={"year": year}),
        Row("reports:ask-annual", "/reports/ask/annual/", everyone(NOT_ALLOWED)),
        Row("reports:ask-tracker", "/reports/ask/tracker/?status=submitted", expect(**STAFF_DONE),
            method="post"),
        Row("reports:ask-review", f"/reports/ask/reviews/{ours.pk}/", everyone(REDIRECT), method="post"),
        Row("reports:ask-review", f"/reports/ask/reviews/{theirs.pk}/", expect(**STAFF_DONE), method="post"),
        Row("reports:ask-programme", f"/reports/ask/programmes/{programme.pk}/", expect(**STAFF_DONE),
            method="post"),
        Row("reports:status", f"/reports/{annual.pk}/", tenant_and_staff),
        Row("reports:status", f"/reports/{review_a.pk}/", tenant_and_staff),
        Row("reports:status", f"/reports/{review_b.pk}/", expect(**STAFF_OK)),
        Row("reports:status", f"/reports/{tracker.pk}/", expect(**STAFF_OK)),
        Row("reports:status", f"/reports/{export.pk}/", expect(tenant=F, officer=F, manager=OK, admin=OK)),
        Row("reports:status-fragment", f"/reports/{waiting.pk}/status/", tenant_and_staff),
        Row("reports:status-fragment", f"/reports/{review_b.pk}/status/", expect(**STAFF_OK)),
        Row("reports:download", f"/reports/{annual.pk}/download/", tenant_and_staff),
        Row("reports:download", f"/reports/{review_a.pk}/download/", tenant_and_staff),
        Row("reports:download", f"/reports/{review_b.pk}/download/", expect(**STAFF_OK)),
        Row("reports:download", f"/reports/{tracker.pk}/download/", expect(**STAFF_OK)),
        Row("reports:download", f"/reports/{export.pk}/download/",
            expect(tenant=F, officer=F, manager=OK, admin=OK)),
        Row("reports:retry", failed, expect(**STAFF_DONE), method="post"),
        Row("reports:cancel-waiting", tenants_waiting, expect(tenant=REDIRECT, officer=F, manager=F, admin=F),
            method="post"),
        Row("reports:annual", f"/reports/annual/{year}/", everyone(OK, anonymous=OK)),
        Row("reports:annual", f"/reports/annual/{unpublished}/", everyone(OK, anonymous=LOGIN)),
        Row("reports:assessment", f"/reports/annual/{year}/assessment/", everyone(OK)),
        Row("reports:assessment-edit", f"/reports/annual/{year}/assessment/volunteering/",
            expect(tenant=OK, officer=F, manager=F, admin=OK)),
        Row("reports:approve", f"/reports/annual/{unpublished}/approve/",
            expect(tenant=F, officer=F, manager=F, admin=REDIRECT), method="post"),
        Row("reports:remind", f"/reports/annual/{unpublished}/remind/",
            expect(tenant=F, officer=REDIRECT, manager=REDIRECT, admin=REDIRECT), method="post"),
        Row("reports:publish", f"/reports/annual/{year}/publish/",
            expect(tenant=F, officer=F, manager=REDIRECT, admin=REDIRECT), method="post",
            data={"published": "yes"}),
        Row("reports:review", f"/reports/reviews/{ours.pk}/", tenant_and_staff),
        Row("reports:review", f"/reports/reviews/{theirs.pk}/", expect(**STAFF_OK)),
    ]
