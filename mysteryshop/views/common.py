"""Helpers shared by the mysteryshop views (forms go through scrutiny.forms.run_form)."""

from django.core.paginator import Paginator

PAGE_SIZE = 20


def paginate(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))
