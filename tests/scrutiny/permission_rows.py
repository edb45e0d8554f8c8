from tests.permission_matrix import NOT_FOUND, OK, REDIRECT, Row, admins_only, everyone


def rows(people):
    return [
        Row("home", "/", everyone(OK)),
        Row("healthz", "/healthz", everyone(OK, anonymous=OK)),
        Row("favicon", "/favicon.ico", everyone(OK, anonymous=OK)),
        Row("accessibility", "/accessibility", everyone(OK, anonymous=OK)),
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
    ]


def _site_settings_data(role):
    from scrutiny.models import SiteSettings

    site = SiteSettings.load()
    return {"version": site.version, "landlord_name": "Riverside Homes", "brand_colour": "#1d4f91",
            "country": "england", "financial_year_start_month": 4, "tenant_word": "tenant"}
