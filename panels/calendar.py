"""A meeting as an iCalendar (.ics) file, so people can add it to their own calendar."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from panels.models import Meeting
from scrutiny.models import SiteSettings


def meeting_calendar(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    """The .ics download for one meeting. Times are written in UTC, which every calendar reads."""
    site = SiteSettings.load()
    page = request.build_absolute_uri(meeting.get_absolute_url())
    cal = Calendar()
    cal.add("prodid", f"-//{site.landlord_name} tenant scrutiny//EN")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{request.get_host().split(':')[0]}")
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
    event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    event.add("summary", f"{meeting.panel.name}: {meeting.title}")
    event.add("location", meeting.place or meeting.online_link)
    event.add("url", meeting.online_link or page)
    description = [meeting.agenda.strip()] if meeting.agenda.strip() else []
    if meeting.online_link:
        description.append(_("Join online: %(link)s") % {"link": meeting.online_link})
    description.append(_("Papers and details: %(page)s") % {"page": page})
    event.add("description", "\n\n".join(description))
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    # Calendars replace their copy when the sequence grows: seconds between creation and last change.
    event.add("sequence", max(0, int((meeting.updated_at - meeting.created_at).total_seconds())))
    cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{meeting.date:%Y-%m-%d}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response
