"""The project's shared optimistic locking (scrutiny.locking), plus the time format used in
this app's own conflict messages."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format

from scrutiny.locking import EditConflict, claim

__all__ = ["EditConflict", "claim", "when"]


def when(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    if local.date() == timezone.localdate():
        return date_format(local, "H:i")
    return date_format(local, "j F Y, H:i")
