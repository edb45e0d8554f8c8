from tests.permission_matrix import NOT_ALLOWED, NOT_FOUND, OK, REDIRECT, Row, admins_only, everyone


def rows(people):
    return [
        Row("home", "/", everyone(OK)),
        Row("healthz", "/healthz", everyone(OK, anonymous=OK)),
        Row("healthz-live", "/healthz/live", everyone(OK, anonymous=OK)),
        Row("healthz-ready", "/healthz/ready", everyone(OK, anonymous=OK)),
        Row("system-health", "/administration/system-health/", admins_only()),
        Row("favicon", "/favicon.ico", everyone(OK, anonymous=OK)),
        Row("accessibility", "/accessibility", everyone(OK, anonymous=OK)),
        # The language link: for everyone, signed in or not; it remembers the choice and goes on.
        # (To English: the clients are shared by the rows after it, and a Welsh choice would send
        # their unprefixed addresses to /cy/.)
        Row("language", "/language/en-gb/?next=/accessibility", everyone(REDIRECT, anonymous=REDIRECT)),
        Row("javascript-catalogue", "/jsi18n/", everyone(OK, anonymous=OK)),
        Row("javascript-catalogue", "/cy/jsi18n/", everyone(OK, anonymous=OK)),
        # No logo uploaded: nobody gets one (tests/scrutiny/test_site_settings.py covers the 200).
        Row("administration", "/administration/", admins_only()),
        Row("site-settings", "/administration/site-settings/", admins_only()),
        # An empty form: the admin sees it again with errors (200); nothing changes for anyone.
        Row("site-settings", "/administration/site-settings/", admins_only(), method="post"),
        Row("site-settings", "/administration/site-settings/", admins_only(REDIRECT), method="post",
            data=_site_settings_data),
        Row("site-logo", "/site/logo", everyone(NOT_FOUND, anonymous=NOT_FOUND)),
        Row("audit", "/audit/", admins_only()),
        Row("audit", "/audit/?kind=sign_in&person=a&since=2026-01-01&until=2026-12-31", admins_only()),
        Row("failed-jobs", "/administration/failed-jobs/", admins_only()),
        Row("failed-jobs", "/administration/failed-jobs/?page=2", admins_only()),
        # A job that gave up: only an administrator may queue it again (then back to the list).
        Row("retry-job", _given_up_job, admins_only(REDIRECT), method="post"),
        Row("retry-job", _given_up_job, everyone(NOT_ALLOWED, anonymous=NOT_ALLOWED)),
    ]


def _given_up_job(role):
    from django.conf import settings

    from scrutiny.models import Job

    job = Job.objects.create(task="tests.matrix.nothing", attempts=settings.JOB_MAX_ATTEMPTS,
                             last_error="OSError('mail server down')")
    return f"/administration/failed-jobs/{job.pk}/try-again"


def _site_settings_data(role):
    from scrutiny.models import SiteSettings

    site = SiteSettings.load()
    return {"version": site.version, "landlord_name": "Riverside Homes", "brand_colour": "#1d4f91",
            "country": "england", "financial_year_start_month": 4, "tenant_word": "tenant"}
