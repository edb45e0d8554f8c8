from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = "Scrutiny reviews"

    def ready(self) -> None:
        from reviews import search

        search.connect_signals()
