from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from accounts.http import AuthenticatedHttpRequest
from assessments import permissions
from assessments.models import SelfAssessment
from scrutiny.permissions import require

NOT_YOURS: Any = _(
    "You can only see self-assessments you are invited to, coordinate, or that your panel runs."
)


def viewable(request: AuthenticatedHttpRequest, pk: int) -> SelfAssessment:
    sa = get_object_or_404(SelfAssessment.objects.select_related("framework", "panel", "created_by"), pk=pk)
    require(permissions.can_view(request.user, sa), NOT_YOURS)
    return sa
