"""What the landlord writes for tenants in this app, in Welsh beside English
(django-modeltranslation adds `<field>_en_gb` and `<field>_cy`; scrutiny/translated.py).

Checklists, their sections and standards (the question, what to look for and the unit), the sites
visited and the jargon list with its plain alternatives. A Welsh jargon word with its plain Welsh
alternative is what a Welsh document is checked against. What shoppers write (answers, notes)
is not here: it is shown as written. An empty Welsh version is stored as NULL, so that the
unique name of a site, say, is never clashed on by two sites with no Welsh name."""

from modeltranslation.translator import TranslationOptions, register

from mysteryshop.models import Checklist, JargonTerm, Section, Site, Standard


@register(Checklist)
class ChecklistTranslation(TranslationOptions):
    fields = ("title", "introduction")
    empty_values = None


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title",)
    empty_values = None


@register(Standard)
class StandardTranslation(TranslationOptions):
    fields = ("question", "guidance", "unit")
    empty_values = None


@register(Site)
class SiteTranslation(TranslationOptions):
    fields = ("name",)
    empty_values = None


@register(JargonTerm)
class JargonTermTranslation(TranslationOptions):
    fields = ("term", "plain")
    empty_values = None
