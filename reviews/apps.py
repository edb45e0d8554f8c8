from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Scrutiny reviews")

    def ready(self) -> None:
        """Connects this app's receivers, and says what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from reviews import filter_form, findings_section, panel_page, search
        from scrutiny import extensions as ext

        search.connect_signals()
        findings_section.connect_signals()
        filter_form.connect_signals()
        panel_page.connect_signals()
        ext.register(ext.HOME_SECTIONS, "reviews.home.section")
        ext.register(ext.MENU_LINKS, {
            "label": _("Reviews"), "url_name": "reviews:list", "app": "reviews",
        }, order=2)
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Service areas"), "reviews:service-areas", _("The landlord's services a review can look at."),
        ))
        ext.register(ext.PANEL_PAGE_SECTIONS, "reviews.panel_page.section")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "reviews.personal_data.collect")
        ext.register(ext.DEMO_SEEDS, "reviews.demo.seed")
        ext.register(ext.SCALE_SEEDS, "reviews.scale.seed")
