from django.urls import path

from reports.views import annual, pages, requests

app_name = "reports"

urlpatterns = [
    path("", requests.index, name="index"),
    path("ask/annual/", requests.ask_annual, name="ask-annual"),
    path("ask/tracker/", requests.ask_tracker, name="ask-tracker"),
    path("ask/reviews/<int:review_id>/", requests.ask_review, name="ask-review"),
    path("ask/programmes/<int:review_id>/", requests.ask_programme, name="ask-programme"),
    path("<int:pk>/", requests.status, name="status"),
    path("<int:pk>/status/", requests.status_fragment, name="status-fragment"),
    path("<int:pk>/download/", requests.download, name="download"),
    path("<int:pk>/retry/", requests.retry, name="retry"),
    path("waiting/<int:pk>/cancel/", requests.cancel_waiting, name="cancel-waiting"),
    path("annual/<int:year>/", annual.annual_page, name="annual"),
    path("annual/<int:year>/assessment/", annual.assessment, name="assessment"),
    path("annual/<int:year>/assessment/<slug:section>/", annual.assessment_edit, name="assessment-edit"),
    path("annual/<int:year>/approve/", annual.approve, name="approve"),
    path("annual/<int:year>/remind/", annual.remind, name="remind"),
    path("annual/<int:year>/publish/", annual.publish, name="publish"),
    path("reviews/<int:review_id>/", pages.review_report, name="review"),
]
