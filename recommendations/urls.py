from django.urls import path

from recommendations import from_assessment
from recommendations.views import pages, steps

app_name = "recommendations"

urlpatterns = [
    path("", pages.tracker, name="tracker"),
    path("export.csv", pages.export_csv, name="export-csv"),
    path("export.xlsx", pages.export_xlsx, name="export-xlsx"),
    path("you-said-we-did/", pages.you_said_we_did, name="you-said-we-did"),
    path("reviews/<int:review_id>/new/", steps.new, name="new"),
    path("reviews/<int:review_id>/submit/", steps.submit_together, name="submit-together"),
    path("from-assessment/<int:assessment_id>/outcomes/<int:outcome_id>/", from_assessment.from_outcome,
         name="from-outcome"),
    path("<int:pk>/", pages.detail, name="detail"),
    path("<int:pk>/timeline/", pages.timeline, name="timeline"),
    path("<int:pk>/evidence/<int:update_id>/", pages.evidence, name="evidence"),
    path("<int:pk>/edit/", steps.edit, name="edit"),
    path("<int:pk>/submit/", steps.submit, name="submit"),
    path("<int:pk>/respond/", steps.respond, name="respond"),
    path("<int:pk>/action-plan/", steps.agree_plan, name="agree-plan"),
    path("<int:pk>/implemented/", steps.implement, name="implement"),
    path("<int:pk>/verify/", steps.verify, name="verify"),
    path("<int:pk>/return/", steps.return_to_progress, name="return"),
    path("<int:pk>/actions/new/", steps.add_action, name="add-action"),
    path("<int:pk>/actions/<int:action_id>/", steps.edit_action, name="edit-action"),
    path("<int:pk>/progress/new/", steps.add_progress, name="add-progress"),
]
