"""Small helpers the panels views share: find a thing and check the person may see it."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from accounts.models import User
from panels import permissions
from panels.models import Meeting, Panel
from scrutiny import extensions
from scrutiny.permissions import require

NOT_YOUR_PANEL = _("You can only see the panels you belong to.")
MANAGERS_ONLY = _("Only the panel's chair, vice-chair, supporting officer and administrators can do this.")


def viewable_panel(request: AuthenticatedHttpRequest, pk: int) -> Panel:
    panel = get_object_or_404(Panel, pk=pk)
    require(permissions.can_view_panel(request.user, panel), NOT_YOUR_PANEL)
    return panel


def managed_panel(request: AuthenticatedHttpRequest, pk: int) -> Panel:
    panel = get_object_or_404(Panel, pk=pk)
    require(permissions.can_manage_panel(request.user, panel), MANAGERS_ONLY)
    return panel


def viewable_meeting(request: AuthenticatedHttpRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    require(permissions.can_view_meeting(request.user, meeting), NOT_YOUR_PANEL)
    return meeting


def managed_meeting(request: AuthenticatedHttpRequest, pk: int) -> Meeting:
    meeting = get_object_or_404(Meeting.objects.select_related("panel"), pk=pk)
    require(permissions.can_manage_meeting(request.user, meeting), MANAGERS_ONLY)
    return meeting


def panel_page_sections(panel: Panel, user: User) -> list[Any]:
    """Parts later apps add to a panel's page (their reviews, programmes), listed by dotted path in
    extensions.PANEL_PAGE_SECTIONS: each is called as section(panel, user) and returns None or a dict
    with "template" and "title". This keeps panels from importing the apps that build on it."""
    return extensions.sections(extensions.PANEL_PAGE_SECTIONS, panel, user)
