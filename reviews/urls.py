from django.urls import path

from reviews.views import draft, evidence, finding, review, service_areas, where_to_look

app_name = "reviews"

urlpatterns = [
    path("", review.review_list, name="list"),
    path("new/", review.review_create, name="create"),
    path("where-to-look-next/", where_to_look.where_to_look_next, name="where-to-look"),
    path("where-to-look-next/propose/", where_to_look.propose_from_measure, name="propose-from-measure"),
    path("evidence/", evidence.evidence_list, name="evidence-list"),
    path("service-areas/", service_areas.service_area_list, name="service-areas"),
    path("service-areas/<int:pk>/", service_areas.service_area_edit, name="service-area-edit"),
    path("drafts/save/", draft.draft_save, name="draft-save"),
    path("drafts/discard/", draft.draft_discard, name="draft-discard"),
    path("<int:pk>/", review.review_detail, name="detail"),
    path("<int:pk>/edit/", review.review_edit, name="edit"),
    path("<int:pk>/stage/", review.review_stage, name="stage"),
    path("<int:pk>/confirm/", review.review_confirm, name="confirm"),
    path("<int:pk>/report/", review.review_report, name="report"),
    path("<int:pk>/evidence/add/<slug:kind>/", evidence.evidence_add, name="evidence-add"),
    path("<int:pk>/evidence/<int:evidence_pk>/", evidence.evidence_detail, name="evidence"),
    path("<int:pk>/evidence/<int:evidence_pk>/edit/", evidence.evidence_edit, name="evidence-edit"),
    path("<int:pk>/evidence/<int:evidence_pk>/file/", evidence.evidence_file, name="evidence-file"),
    path("<int:pk>/evidence/<int:evidence_pk>/photos/add/", evidence.photo_add, name="photo-add"),
    path("<int:pk>/photos/<int:photo_pk>/", evidence.photo, name="photo"),
    path("<int:pk>/findings/add/", finding.finding_add, name="finding-add"),
    path("<int:pk>/findings/<int:finding_pk>/", finding.finding_detail, name="finding"),
    path("<int:pk>/findings/<int:finding_pk>/edit/", finding.finding_edit, name="finding-edit"),
    path("<int:pk>/findings/<int:finding_pk>/comments/", finding.comment_add, name="comment-add"),
]
