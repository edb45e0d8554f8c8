from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The site settings switch that shows the Customer Approved register to people not signed in.
PUBLIC_REGISTER = "mysteryshop.public_register"


class MysteryshopConfig(AppConfig):
    name = "mysteryshop"
    verbose_name = _("Mystery shopping and inspections")

    def ready(self) -> None:
        """This app's site switch, and what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from scrutiny import extensions as ext
        from scrutiny import switches

        switches.register(
            key=PUBLIC_REGISTER,
            label=_("Show the register of Customer Approved documents to everyone"),
            help_text=_("When ticked, people who are not signed in can see which documents are approved."),
        )
        ext.register(ext.MENU_LINKS, {
            "label": _("Visits"), "url_name": "mysteryshop:programmes", "app": "mysteryshop",
        }, order=6)
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Mystery shopping sites"), "mysteryshop:sites",
            _("The local offices, homes, hostels and services that shoppers and inspectors visit."),
        ))
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Checklists"), "mysteryshop:checklists",
            _("The standards that mystery shops, inspections and document checks are scored against."),
        ))
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Jargon list"), "mysteryshop:jargon",
            _("Words a document check marks, with plain alternatives."),
        ))
        ext.register(ext.REVIEW_PAGE_LINKS, "mysteryshop.review_page.links")
        ext.register(ext.FINDING_PAGE_SECTIONS, "mysteryshop.finding_page.section")
        ext.register(ext.PUBLIC_PAGES, "mysteryshop.public.page")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "mysteryshop.personal_data.collect")
        ext.register(ext.DEMO_SEEDS, "mysteryshop.demo.seed")
        # After the scale landlord's self-assessments, as it has always run (order=1).
        ext.register(ext.SCALE_SEEDS, "mysteryshop.scale.seed", order=1)
