from django.apps import AppConfig

# The site settings switch that shows the Customer Approved register to people not signed in.
PUBLIC_REGISTER = "mysteryshop.public_register"


class MysteryshopConfig(AppConfig):
    name = "mysteryshop"
    verbose_name = "Mystery shopping and inspections"

    def ready(self) -> None:
        from scrutiny import switches

        switches.register(
            key=PUBLIC_REGISTER,
            label="Show the register of Customer Approved documents to everyone",
            help_text="When ticked, people who are not signed in can see which documents are approved.",
        )
