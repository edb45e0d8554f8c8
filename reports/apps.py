from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The site settings switch that lets people who are not signed in read a published annual report.
PUBLIC_ANNUAL_REPORT = "reports.public_annual_report"


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        """This app's site switch, and what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from reports import public, review_page
        from reports.annual import writes
        from scrutiny import extensions as ext
        from scrutiny import public_cache, switches

        writes.connect()
        review_page.connect()
        public_cache.register("reports:annual", public.annual_version)

        switches.register(
            key=PUBLIC_ANNUAL_REPORT,
            # Lazy: the site settings page shows them in its own language.
            label=_("Show published Annual Reports to Tenants to everyone"),
            help_text=_("When ticked, people who are not signed in can read a year's report once a "
                        "manager has published it. When not ticked, only signed-in people can read the "
                        "report pages."),
            default=True,
        )
        ext.register(ext.MENU_LINKS, {
            "label": _("Reports"), "url_name": "reports:index", "app": "reports",
        }, order=5)
        ext.register(ext.TRACKER_PARTS, "reports/_tracker_pdf.html")
        ext.register(ext.REVIEW_PAGE_SECTIONS, "reports.review_page.section")
        ext.register(ext.PUBLIC_PAGES, "reports.public.page")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "reports.personal_data.collect")
        ext.register(ext.PERSONAL_DATA_ERASERS, "reports.personal_data.erase")
        ext.register(ext.LARGE_EXPORT_HANDLER, "reports.views.requests.queue_large_export")
        ext.register(ext.AUDITED_DOWNLOADS, ("reports:download", "export"))
        ext.register(ext.DEMO_SEEDS, "reports.demo.seed", order=1)
        ext.register(ext.SCALE_SEEDS, "reports.scale.seed", order=2)  # after the apps it dates
