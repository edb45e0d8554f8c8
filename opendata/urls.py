from django.urls import path

from opendata import views

app_name = "opendata"

# The pages, in English and in Welsh (under /cy/), like every page.
urlpatterns = [
    path("programme/", views.programme, name="programme"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reviews/<int:pk>/report.pdf", views.review_pdf, name="review-pdf"),
    path("reviews/<int:pk>/evidence/<int:evidence_pk>/", views.evidence_file, name="evidence-file"),
    path("reviews/<int:pk>/publish", views.publish, name="publish"),
    path("reviews/<int:pk>/unpublish", views.unpublish, name="unpublish"),
    path("reviews/<int:pk>/evidence/<int:evidence_pk>/public", views.mark_evidence, name="mark-evidence"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("open-data/", views.about, name="about"),
]
