"""The check that refused requests change nothing must itself catch a change: a row added, or
one field of a row changed with the count the same."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path

from accounts.models import User
from scrutiny import urls as project_urls
from tests.db_unchanged import assert_db_unchanged
from tests.permission_matrix import FORBIDDEN, Row, check_rows, expect


def _renames_then_refuses(request):
    User.objects.filter(email="sam@example.org").update(display_name="Someone Else")
    raise PermissionDenied


def _refuses(request):
    return HttpResponse(status=403)


urlpatterns = [
    path("renames/", _renames_then_refuses), path("refuses/", _refuses), *project_urls.urlpatterns,
]


def test_a_changed_field_is_caught(users):
    from tests.factories.accounts import UserFactory

    sam = UserFactory(email="sam@example.org", display_name="Sam Patel")
    with pytest.raises(AssertionError, match="accounts_user"), assert_db_unchanged():
        User.objects.filter(pk=sam.pk).update(display_name="Sam Smith")


def test_an_added_row_is_caught(users):
    from tests.factories.accounts import UserFactory

    with pytest.raises(AssertionError, match="accounts_user"), assert_db_unchanged():
        UserFactory()


def test_nothing_changed_passes(users):
    with assert_db_unchanged():
        User.objects.filter(pk=users["tenant"].pk).update(display_name=users["tenant"].display_name)


@pytest.mark.urls("tests.test_db_unchanged")
def test_the_matrix_reports_a_refused_post_that_changed_the_database(users):
    from tests.factories.accounts import UserFactory

    UserFactory(email="sam@example.org", display_name="Sam Patel")
    refused = expect(anonymous=FORBIDDEN, tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN,
                     admin=FORBIDDEN)
    rows = [Row("renames", "/renames/", refused, method="post"),
            Row("refuses", "/refuses/", refused, method="post")]

    failures = check_rows(rows, users)

    assert failures == ["POST renames as anonymous: refused (403) but changed ['accounts_user']"]
    assert User.objects.get(email="sam@example.org").display_name == "Someone Else"
