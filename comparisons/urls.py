from django.urls import path

from comparisons import compare_page, views

app_name = "comparisons"

urlpatterns = [
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_page, name="import"),
    path("imports/<int:pk>/status/", views.import_status, name="import-status"),
    path("imports/<int:pk>/apply/", views.apply_import, name="apply-import"),
    path("own-figures/", views.own_figures_page, name="own-figures"),
    path("peers/", views.choose_peers, name="peers"),
    path("frameworks/<slug:code>/", compare_page.how_we_compare, name="how-we-compare"),
]
