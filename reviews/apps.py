from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Scrutiny reviews"

    def ready(self) -> None:
        from reviews import findings_section, search

        search.connect_signals()
        findings_section.connect_signals()
