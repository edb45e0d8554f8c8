from django.apps import AppConfig

# The site settings switch that lets people who are not signed in read a published annual report.
PUBLIC_ANNUAL_REPORT = "reports.public_annual_report"


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Reports"

    def ready(self):
        from scrutiny import switches

        switches.register(
            key=PUBLIC_ANNUAL_REPORT,
            label="Show published Annual Reports to Tenants to everyone",
            help_text="When ticked, people who are not signed in can read a year's report once a manager "
                      "has published it. When not ticked, only signed-in people can read the report pages.",
            default=True,
        )
