from django.apps import AppConfig
from django.db.models.signals import post_delete


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = "Recommendations"

    def ready(self):
        from recommendations.models import Action, Recommendation
        from recommendations.selectors import note_deletion

        for model in (Recommendation, Action):
            post_delete.connect(note_deletion, sender=model, dispatch_uid=f"tracker-figures-{model.__name__}")
