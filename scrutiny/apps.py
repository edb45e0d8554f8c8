from django.apps import AppConfig


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = "Site"

    def ready(self) -> None:
        from scrutiny import (
            audit,  # noqa: F401 - connects the audit trail's signal receivers
            freshness,  # noqa: F401 - watches every connection for writes
        )
