from django.apps import AppConfig


class MysteryshopConfig(AppConfig):
    name = "mysteryshop"
    verbose_name = "Mystery shopping and inspections"
