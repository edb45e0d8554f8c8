"""Dates and times in templates are formatted once per value and kept
(scrutiny/templatetags/everywhere.py), giving the text Django's own filters give."""

import datetime
import zoneinfo

import pytest
from django.template import defaultfilters, engines
from django.utils import timezone, translation

LONDON = zoneinfo.ZoneInfo("Europe/London")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")


def drawn(source, **context):
    return engines["django"].from_string(source).render(context)


@pytest.mark.parametrize("value", [
    datetime.date(2026, 3, 29),
    datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC),
    datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC),
    datetime.datetime(2026, 7, 1, 9, 5),
    None,
    "",
    "not a date",
])
@pytest.mark.parametrize("arg", ['"j F Y"', '"l j M Y"', ""])
def test_a_date_reads_as_djangos_own_filter_gives_it_each_time(value, arg):
    expected = defaultfilters.date(
        timezone.localtime(value) if isinstance(value, datetime.datetime) and timezone.is_aware(value)
        else value, arg.strip('"') or None,
    )
    source = "{{ value|date%s }}" % (f":{arg}" if arg else "")
    for _ in range(2):  # formatted, then kept
        assert drawn(source, value=value) == expected


def test_the_same_moment_reads_in_the_zone_in_force():
    moment = datetime.datetime(2026, 7, 1, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(LONDON):
        assert drawn('{{ value|date:"j F, H:i T" }}', value=moment) == "2 July, 00:30 BST"
    with timezone.override(NEW_YORK):
        assert drawn('{{ value|date:"j F, H:i T" }}', value=moment) == "1 July, 19:30 EDT"


def test_a_time_reads_as_djangos_own_filter_gives_it():
    value = datetime.time(14, 5)
    for _ in range(2):
        assert drawn('{{ value|time:"g:i a" }}', value=value) == defaultfilters.time(value, "g:i a")
    assert drawn("{{ value|time }}", value=None) == ""


def test_month_names_follow_the_language():
    value = datetime.date(2026, 3, 29)
    assert drawn('{{ value|date:"F" }}', value=value) == "March"
    with translation.override("fr"):
        assert drawn('{{ value|date:"F" }}', value=value) == "mars"


def test_a_date_seen_again_is_not_formatted_again():
    from unittest import mock

    from django.utils import formats

    value = datetime.date(2019, 5, 17)
    with mock.patch("django.template.defaultfilters.formats.date_format", wraps=formats.date_format) as made:
        assert drawn('{% for i in "abc" %}{{ value|date:"j F Y" }};{% endfor %}', value=value) == (
            "17 May 2019;" * 3
        )
    assert made.call_count == 1


def test_what_was_kept_is_forgotten_when_settings_change(settings):
    from scrutiny.templatetags.everywhere import _formatted

    drawn('{{ value|date:"j F Y" }}', value=datetime.date(2019, 5, 17))
    assert _formatted.cache_info().currsize
    settings.DATE_FORMAT = "Y-m-d"
    assert not _formatted.cache_info().currsize
