from tests.permission_matrix import NOT_FOUND, OK, Row, everyone


def rows(people):
    return [
        Row("home", "/", everyone(OK)),
        Row("healthz", "/healthz", everyone(OK, anonymous=OK)),
        Row("favicon", "/favicon.ico", everyone(OK, anonymous=OK)),
        Row("accessibility", "/accessibility", everyone(OK, anonymous=OK)),
        # No logo uploaded: nobody gets one (tests/scrutiny/test_site_settings.py covers the 200).
        Row("site-logo", "/site/logo", everyone(NOT_FOUND, anonymous=NOT_FOUND)),
    ]
