from django.urls import path

from assessments.views import figures, frameworks, results, scoring, self_assessments

app_name = "assessments"

urlpatterns = [
    path("", self_assessments.self_assessment_list, name="list"),
    path("new/", self_assessments.new, name="new"),
    path("<int:pk>/", self_assessments.detail, name="detail"),
    path("<int:pk>/edit/", self_assessments.edit, name="edit"),
    path("<int:pk>/progress/", self_assessments.progress, name="progress"),
    path("<int:pk>/remind/", self_assessments.remind, name="remind"),
    path("<int:pk>/close/", self_assessments.close, name="close"),
    path("<int:pk>/score/<int:standard_pk>/", scoring.score, name="score"),
    path("<int:pk>/finish/", scoring.finish, name="finish"),
    path("<int:pk>/results/", results.results, name="results"),
    path("<int:pk>/to-do/", results.todo, name="todo"),
    path("<int:pk>/outcomes/<int:outcome_pk>/action/", results.new_action, name="new-action"),
    path("actions/<int:pk>/", results.edit_action, name="edit-action"),
    path("frameworks/", frameworks.framework_list, name="frameworks"),
    path("frameworks/import/", frameworks.import_framework, name="import-framework"),
    path("frameworks/import/sample.csv", frameworks.sample_file, {"kind": "csv"}, name="sample-csv"),
    path("frameworks/import/sample.yaml", frameworks.sample_file, {"kind": "yaml"}, name="sample-yaml"),
    path("frameworks/<int:pk>/", frameworks.framework, name="framework"),
    path("frameworks/<int:pk>/figures/", figures.figures, name="figures"),
    path("frameworks/<int:pk>/figures/import/", figures.import_figures, name="import-figures"),
    path("indicators/<int:pk>/<int:year>/", figures.edit_figure, name="edit-figure"),
]
