from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Scrutiny reviews"

    def ready(self) -> None:
        """Connects this app's receivers, and says what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from reviews import findings_section, search
        from scrutiny import extensions as ext

        search.connect_signals()
        findings_section.connect_signals()
        ext.register(ext.HOME_SECTIONS, "reviews.home.section")
        ext.register(ext.MENU_LINKS, {
            "label": "Reviews", "url_name": "reviews:list", "app": "reviews",
        }, order=2)
        ext.register(ext.ADMINISTRATION_PAGES, (
            "Service areas", "reviews:service-areas", "The landlord's services a review can look at.",
        ))
        ext.register(ext.PANEL_PAGE_SECTIONS, "reviews.panel_page.section")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "reviews.personal_data.collect")
        ext.register(ext.DEMO_SEEDS, "reviews.demo.seed")
        ext.register(ext.SCALE_SEEDS, "reviews.scale.seed")
