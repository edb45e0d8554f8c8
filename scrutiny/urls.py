from django.contrib import admin
from django.urls import include, path

from scrutiny import views

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"

handler500 = "scrutiny.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("site/logo", views.site_logo, name="site-logo"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accessibility", views.accessibility, name="accessibility"),
    path("accounts/", include("accounts.urls")),
    path("panels/", include("panels.urls")),
    path("reviews/", include("reviews.urls")),
    path("assessments/", include("assessments.urls")),
    path("mystery-shopping/", include("mysteryshop.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("reports/", include("reports.urls")),
    path("admin/", admin.site.urls),
]
