from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "How we compare"

    def ready(self) -> None:
        from comparisons.site_settings import refuse_unknown_regulator_code
        from scrutiny.services import regulator_code_entered

        regulator_code_entered.connect(refuse_unknown_regulator_code, dispatch_uid="regulator-code")
