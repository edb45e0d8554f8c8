
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Public pages and open data")

    def ready(self) -> None:
        """This app's site switches, and what it adds to other apps' pages (scrutiny/extensions.py)."""
        # The labels stay lazy, so the settings page shows them in the reader's language
        # (scrutiny.switches asks for str).
        from opendata import public, review_page
        from scrutiny import extensions as ext
        from scrutiny import switches

        public.connect()
        review_page.connect()
        public.register_versions()
        switches.register(
            key=public.PROGRAMME,
            label=_("Show the scrutiny programme to everyone"),
            help_text=_("When ticked, people who are not signed in can see the reviews "
                        "planned, under way and completed."),
        )
        switches.register(
            key=public.REPORTS,
            label=_("Show published review reports to everyone"),
            help_text=_("When ticked, people who are not signed in can read each review report "
                        "the panel's chair has published, on screen and as a PDF."),
        )
        switches.register(
            key=public.RECOMMENDATIONS,
            label=_("Show recommendations and the landlord's responses to everyone"),
            help_text=_("When ticked, people who are not signed in can see each recommendation, "
                        "the landlord's decision and where the work stands."),
        )
        switches.register(
            key=public.OPEN_DATA,
            label=_("Publish open data"),
            help_text=_("When ticked, anyone can download the reviews, recommendations and the "
                        "landlord's figures as JSON, CSV and an Atom feed."),
        )
        ext.register(ext.PUBLIC_PAGES, "opendata.public.programme_page")
        ext.register(ext.PUBLIC_PAGES, "opendata.public.recommendations_page")
        ext.register(ext.PUBLIC_PAGES, "opendata.public.open_data_page")
        ext.register(ext.REVIEW_PAGE_SECTIONS, "opendata.review_page.section")
        ext.register(ext.DEMO_SEEDS, "opendata.demo.seed", order=2)
