"""The tracker's filters and sort orders (django-filter), shared by the page and the exports."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from panels.models import Panel
from panels.permissions import panel_ids_for
from recommendations.models import Priority, Recommendation, Status
from recommendations.selectors import current_financial_year, financial_year_bounds
from reviews.models import Review, ServiceArea
from scrutiny.models import SiteSettings
from scrutiny.permissions import is_staff_role
from scrutiny.widgets import DATALIST_SIZE, DatalistInput

PRIORITY_RANK = Case(
    *[When(priority=value, then=Value(i)) for i, value in enumerate(Priority.values)],
    output_field=IntegerField(),
)
STATUS_RANK = Case(
    *[When(status=value, then=Value(i)) for i, value in enumerate(Status.values)],
    output_field=IntegerField(),
)
BY_REVIEW = ["review__title", "review_id", "number"]
SORTS = {
    "review": (_("Review, then number"), BY_REVIEW),
    "newest": (_("Newest first"), [F("submitted_at").desc(nulls_first=True), "-pk"]),
    "oldest": (_("Oldest first"), [F("submitted_at").asc(nulls_last=True), "pk"]),
    "due": (_("Due date, soonest first"), [F("due_date").asc(nulls_last=True), *BY_REVIEW]),
    "priority": (_("Priority, highest first"), ["priority_rank", *BY_REVIEW]),
    "status": (_("Status, in lifecycle order"), ["status_rank", *BY_REVIEW]),
}
YEARS_SHOWN = 8


def _owners() -> QuerySet[User]:
    return User.objects.filter(role__in=[Role.OFFICER, Role.MANAGER], is_active=True)


def _year_label(start_year: int, start_month: int) -> str:
    return str(start_year) if start_month == 1 else f"{start_year}/{str(start_year + 1)[-2:]}"


def year_choices(start_month: int) -> list[tuple[str, str]]:
    """The financial years offered, this one first."""
    this_year = current_financial_year(start_month)
    return [(str(y), _year_label(y, start_month)) for y in range(this_year, this_year - YEARS_SHOWN, -1)]


class TrackerFilter(django_filters.FilterSet):
    # Each filter is copied for every request (django-filter deep-copies them): their choices are
    # given as functions, as a copied queryset costs more than the rest of the copying together.
    q = django_filters.CharFilter(
        method="filter_words", label=_("Words in the recommendation"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = django_filters.ChoiceFilter(
        choices=Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    # Reviews and owners grow without limit, so they are typed (with suggestions), not picked
    # from a list of every one; the review page still links here with ?review=<id>.
    review = django_filters.ModelChoiceFilter(
        queryset=lambda request: Review.objects.none(), label=_("Review"), empty_label=_("Any review"),
        widget=forms.HiddenInput,
    )
    review_title = django_filters.CharFilter(
        field_name="review__title", lookup_expr="icontains", label=_("Review (type part of its title)"),
    )
    panel = django_filters.ModelChoiceFilter(
        field_name="review__panel", queryset=lambda request: Panel.objects.none(), label=_("Panel"),
        empty_label=_("Any panel"),
    )
    service_area = django_filters.ModelChoiceFilter(
        queryset=lambda request: ServiceArea.objects.all(), label=_("Service area"),
        empty_label=_("Any service area"),
    )
    owner = django_filters.ModelChoiceFilter(
        queryset=lambda request: _owners(), label=_("Owner"), empty_label=_("Anyone"),
        widget=forms.HiddenInput,
    )
    owner_name = django_filters.CharFilter(
        field_name="owner__display_name", lookup_expr="icontains", label=_("Owner (type part of their name)"),
    )
    priority = django_filters.ChoiceFilter(
        choices=Priority.choices, label=_("Priority"), empty_label=_("Any priority")
    )
    overdue = django_filters.ChoiceFilter(
        choices=[("yes", _("Overdue only")), ("no", _("Not overdue"))], method="filter_overdue",
        label=_("Overdue"), empty_label=_("Overdue or not"),
    )
    year = django_filters.ChoiceFilter(
        method="filter_year", label=_("Financial year submitted"), empty_label=_("Any year")
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()], method="filter_sort",
        label=_("Sort by"), empty_label=None,
    )

    class Meta:
        model = Recommendation
        fields: list = []

    def __init__(self, data: Any = None, *args: Any, user: User | None = None, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.start_month = SiteSettings.load().financial_year_start_month
        self.filters["year"].extra["choices"] = year_choices(self.start_month)
        reviews = Review.objects.select_related("panel").order_by("title")
        panels = Panel.objects.order_by("name")
        if not is_staff_role(user):
            ids = panel_ids_for(user)
            reviews, panels = reviews.filter(panel_id__in=ids), panels.filter(pk__in=ids)
        self.filters["review"].queryset = reviews
        self.filters["panel"].queryset = panels
        self.form.fields["review_title"].widget = DatalistInput(
            lambda: reviews.order_by("-created_at").values_list("title", flat=True)[:DATALIST_SIZE]
        )
        owners = _owners()
        self.form.fields["owner_name"].widget = DatalistInput(
            lambda: owners.order_by("display_name").values_list("display_name", flat=True)[:DATALIST_SIZE]
        )

    def filter_words(
        self, queryset: QuerySet[Recommendation], name: str, value: str
    ) -> QuerySet[Recommendation]:
        return queryset.filter(Q(text__icontains=value) | Q(rationale__icontains=value))

    def filter_overdue(
        self, queryset: QuerySet[Recommendation], name: str, value: str
    ) -> QuerySet[Recommendation]:
        return queryset.filter(is_overdue=(value == "yes"))

    def filter_year(
        self, queryset: QuerySet[Recommendation], name: str, value: str
    ) -> QuerySet[Recommendation]:
        start, end = financial_year_bounds(int(value), self.start_month)
        return queryset.filter(submitted_at__gte=start, submitted_at__lt=end)

    def filter_sort(
        self, queryset: QuerySet[Recommendation], name: str, value: str
    ) -> QuerySet[Recommendation]:
        return queryset  # applied last, in filter_queryset, so there is always an order

    def filter_queryset(self, queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
        queryset = super().filter_queryset(queryset)
        sort = self.form.cleaned_data.get("sort") or "review"
        return queryset.annotate(priority_rank=PRIORITY_RANK, status_rank=STATUS_RANK).order_by(
            *SORTS[sort][1]
        )
