"""Helpers shared by the mysteryshop views."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator

from scrutiny.forms import add_service_errors

PAGE_SIZE = 20


def paginate(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def run_service(form, call, saved=None):
    """Call a service; on a conflict or a refusal in words, show it on the form and return None.
    `saved` re-reads the edited item when the lock is held by its parent (a checklist)."""
    from mysteryshop.services import EditConflict

    try:
        return call()
    except EditConflict as exc:
        form.note_conflict(exc)
        if saved is not None:
            form.conflict = saved()
    except ValidationError as exc:
        add_service_errors(form, exc)
    return None
