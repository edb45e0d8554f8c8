"""Template filters for numbers and names as people write them (scrutiny/wording.py):
{{ figure.value|with_unit:figure.unit }}, {{ value|number }}, {{ name|possessive }}."""

from django import template

from scrutiny import wording

register = template.Library()

register.filter("number", wording.number)
register.filter("with_unit", wording.with_unit)
register.filter("possessive", wording.possessive)
