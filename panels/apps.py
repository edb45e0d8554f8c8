from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = "Panels and people"

    def ready(self) -> None:
        from panels import signals  # noqa: F401 - connects the receivers
