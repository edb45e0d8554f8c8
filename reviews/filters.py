"""Filters for the review list and the evidence list (django-filter)."""

from typing import Any

import django_filters
from django import forms
from django.db.models import Min, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from panels.models import Panel
from panels.permissions import panel_ids_for
from reviews.models import Evidence, EvidenceKind, Review, ReviewKind, ServiceArea, Stage
from reviews.search import search_evidence, search_reviews
from reviews.selectors import visible_reviews
from scrutiny.permissions import is_staff_role
from scrutiny.widgets import DATALIST_SIZE, DatalistInput


def _panels(request: HttpRequest | None) -> QuerySet[Panel]:
    panels = Panel.objects.all()
    if request is None or is_staff_role(request.user):
        return panels
    return panels.filter(pk__in=panel_ids_for(request.user))


def _reviews(request: HttpRequest | None) -> QuerySet[Review]:
    return visible_reviews(request.user).order_by("title") if request else Review.objects.none()


def _year_choices(queryset: QuerySet[Any], date_field: str) -> list[tuple[int, str]]:
    """Years from the earliest review or piece of evidence (by its date, or when it was added)
    to next year."""
    # The earliest of all rows, each read from an index in well under a millisecond, rather
    # than of those this person may see, which meant visiting each of them (13 ms for a tenant
    # at scale); a year with nothing this person may see simply lists nothing. And the earliest
    # date and time themselves, not their years: the year of every row was 43 ms.
    first = queryset.model._default_manager.aggregate(dated=Min(date_field), added=Min("created_at"))
    this_year = timezone.localdate().year
    years = [this_year]
    if first["dated"]:
        years.append(first["dated"].year)
    if first["added"]:
        years.append(timezone.localtime(first["added"]).year)
    earliest = min(years)
    return [(y, str(y)) for y in range(this_year + 1, earliest - 1, -1)]


class _Base(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    panel = django_filters.ModelChoiceFilter(queryset=_panels, label=_("Panel"), empty_label=_("All panels"))
    service_area = django_filters.ModelChoiceFilter(
        queryset=ServiceArea.objects.all(), label=_("Service area"), empty_label=_("All service areas")
    )
    stage = django_filters.ChoiceFilter(choices=Stage.choices, label=_("Stage"), empty_label=_("All stages"))
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=[], method="filter_year", empty_label=_("All years")
    )

    date_field = "planned_start"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read only when drawn or checked: a list whose filters are kept reads no years.
        queryset, date_field = self.queryset, self.date_field
        self.filters["year"].extra["choices"] = lambda: _year_choices(queryset, date_field)

    @property
    def form(self) -> forms.Form:
        """The filters' form, made only when first asked for: a list whose filters are kept and
        that is not filtered never makes it."""
        if not hasattr(self, "_form"):
            self.adjust(super().form)
        return self._form

    def adjust(self, form: forms.Form) -> None:
        """What the form needs beyond its filters' fields."""
        form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})


class ReviewFilter(_Base):
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=ReviewKind.choices, empty_label=_("All types")
    )

    class Meta:
        model = Review
        fields = ["q", "panel", "service_area", "stage", "kind", "year"]

    def adjust(self, form: forms.Form) -> None:
        super().adjust(form)
        form.fields["q"].help_text = gettext("Words from a review's title, scope or findings.")

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return search_reviews(queryset, value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(
            Q(planned_start__year=value) | Q(planned_start__isnull=True, created_at__year=value)
        )


class EvidenceFilter(_Base):
    date_field = "date"
    # Reviews grow without limit: typed with a few suggestions, not picked from a list of all;
    # the review page still links here with ?review=<id>.
    review = django_filters.ModelChoiceFilter(
        queryset=_reviews, label=_("Review"), empty_label=_("All reviews"), widget=forms.HiddenInput
    )
    review_title = django_filters.CharFilter(
        field_name="review__title", lookup_expr="icontains", label=_("Review (type part of its title)")
    )
    panel = django_filters.ModelChoiceFilter(
        field_name="review__panel", queryset=_panels, label=_("Review panel"), empty_label=_("All panels")
    )
    service_area = django_filters.ModelChoiceFilter(
        field_name="review__service_area", queryset=ServiceArea.objects.all(),
        label=_("Review service area"), empty_label=_("All service areas"),
    )
    stage = django_filters.ChoiceFilter(
        field_name="review__stage", label=_("Stage of the review"), choices=Stage.choices,
        empty_label=_("All stages"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Type"), choices=EvidenceKind.choices, empty_label=_("All types")
    )

    class Meta:
        model = Evidence
        fields = ["q", "review", "review_title", "panel", "service_area", "stage", "kind", "year"]

    def adjust(self, form: forms.Form) -> None:
        super().adjust(form)
        reviews = _reviews(self.request)
        form.fields["review_title"].widget = DatalistInput(
            lambda: reviews.order_by("-created_at").values_list("title", flat=True)[:DATALIST_SIZE]
        )
        form.fields["q"].help_text = gettext("Words from the title, description, notes or measure.")

    def search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return search_evidence(queryset, value)

    def filter_year(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(Q(date__year=value) | Q(date__isnull=True, created_at__year=value))
