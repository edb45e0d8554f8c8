"""Helpers shared by the reviews app's views."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from reviews import permissions as perms
from reviews import selectors
from reviews.drafts import restore
from reviews.models import Review
from scrutiny import extensions
from scrutiny.permissions import require

PAGE_SIZE = 20


def get_review(request: AuthenticatedHttpRequest, pk: int) -> Review:
    """The review, if the signed-in person may see it (403 with a reason if not)."""
    review = get_object_or_404(Review.objects.select_related("panel", "service_area"), pk=pk)
    require(perms.can_view_review(request.user, review), perms.NOT_YOUR_PANEL)
    return review


def review_page_links(review: Review, user: User) -> list[dict[str, str]]:
    """Links later apps add to a review's page (its recommendations), registered as
    extensions.REVIEW_PAGE_LINKS: each is called as links(review, user) and returns a list of
    {"label", "url"}. This keeps reviews from knowing the apps built on it."""
    return extensions.links(extensions.REVIEW_PAGE_LINKS, review, user)


def review_page_sections(review: Review, user: User) -> list[dict[str, Any]]:
    """Parts later apps add to a review's page (the report: ask for its PDF, follow it, download
    it), registered as extensions.REVIEW_PAGE_SECTIONS: each is called as
    section(review, user) and returns None or a dict with "template" and "title" (an h2). As
    with the links, reviews never import the apps built on it."""
    return extensions.sections(extensions.REVIEW_PAGE_SECTIONS, review, user)


# The most results a list counts: past this it says "more than 1,000" and asks for more words
# or filters, instead of counting (on PostgreSQL, visiting) every match of a common word.
COUNT_UP_TO = 1000


class CountedUpTo(Paginator):
    """A paginator that counts at most `COUNT_UP_TO` rows (one LIMIT-ed count query), so a list
    of 30,000 pieces of evidence, or a search matching 12,000 of them, costs what 1,000 do.
    `more` says there were more; the pages stop at the 1,000th result."""

    @cached_property
    def _counted(self) -> int:
        # Unordered, so the database stops at the 1,001st match instead of sorting them all.
        return self.object_list.order_by()[: COUNT_UP_TO + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, COUNT_UP_TO)

    @cached_property
    def more(self) -> bool:
        return self._counted > COUNT_UP_TO


MOST_PAGES = 1_000_000


class CountedAlong(Paginator):
    """A paginator for a list of rows (`values_list`) that reads a page's rows and how many
    there are in all in one query, the total counted beside each row (a window count): a
    search's conditions are put together once, not again for a separate count. A page past the
    end, or an empty list, is found as Paginator finds it."""

    def get_page(self, number: Any) -> Page[Any]:
        try:
            wanted = int(number or 1)
        except (TypeError, ValueError):
            wanted = 1
        # A page number no list reaches (a hostile ?page=) is left to Paginator, which gives the last
        # page, rather than sent to the database as an offset past its largest integer.
        if 1 <= wanted <= MOST_PAGES:
            start = (wanted - 1) * self.per_page
            counted = self.object_list.annotate(counted_along=Window(Count("pk")))
            rows = list(counted[start:start + self.per_page])
            if rows:
                self.__dict__["count"] = rows[0][-1]  # Paginator.count is a cached_property
                return self._get_page([row[:-1] for row in rows], wanted, self)
        return super().get_page(number)


def paginate(
    request: AuthenticatedHttpRequest, queryset: QuerySet[Any] | Sequence[Any],
    paginator: type[Paginator] = Paginator,
) -> Page[Any]:
    return paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def query_without_page(request: AuthenticatedHttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def saved_at_text(moment: datetime) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return gettext("today at %(time)s") % {"time": date_format(local, "H:i")}
    return gettext("%(date)s at %(time)s") % {"date": date_format(local, "j F Y"),
                                              "time": date_format(local, "H:i")}


def autosave(
    request: AuthenticatedHttpRequest, form_name: str, object_id: int
) -> tuple[dict[str, Any], dict[str, str | int]]:
    """The person's draft for a form (to put back into it) and what the page needs to keep
    saving as they type."""
    draft = selectors.draft_for(request.user, form_name, object_id)
    return restore(draft), {
        "form": form_name,
        "object_id": object_id,
        "saved_at": draft.saved_at.isoformat() if draft else "",
        "restored_at": saved_at_text(draft.saved_at) if draft else "",
    }
