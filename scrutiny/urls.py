from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from scrutiny import health, languages, views, views_audit, views_health, views_jobs

admin.site.site_header = "Scrutiny administration"
admin.site.site_title = "Scrutiny administration"

handler500 = "scrutiny.views.server_error"

urlpatterns = [
    # Answered by scrutiny.health.HealthCheckMiddleware before any other middleware; listed here
    # so that they have names, and work even without it.
    path("healthz", health.ready, name="healthz"),
    path("healthz/live", health.live, name="healthz-live"),
    path("healthz/ready", health.ready, name="healthz-ready"),
    path("site/logo", views.site_logo, name="site-logo"),
    path("favicon.ico", views.favicon, name="favicon"),
    # At the root so the worker may look after the visit pages under /mystery-shopping/ and
    # /cy/mystery-shopping/.
    path("", include("mysteryshop.worker_urls")),
    path("admin/", admin.site.urls),
    # The language link on every page: remembers the choice, then the same page in that language.
    path("language/<str:code>/", languages.choose_language, name="language"),
    # Open data files at one stable address each, whatever the language (opendata/export.py).
    path("open-data/", include("opendata.urls_files")),
]

# The pages people read, in English with no prefix and in Welsh under /cy/.
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    # The JavaScript's words in the page's language (Django's catalogue: gettext, ngettext).
    path("jsi18n/", views.javascript_catalogue, name="javascript-catalogue"),
    path("accessibility", views.accessibility, name="accessibility"),
    path("administration/", views.administration, name="administration"),
    path("administration/site-settings/", views.site_settings, name="site-settings"),
    path("administration/system-health/", views_health.system_health, name="system-health"),
    path("audit/", views_audit.audit_trail, name="audit"),
    path("administration/failed-jobs/", views_jobs.failed_jobs_page, name="failed-jobs"),
    path("administration/failed-jobs/<int:pk>/try-again", views_jobs.try_again, name="retry-job"),
    path("accounts/", include("accounts.urls")),
    path("panels/", include("panels.urls")),
    path("reviews/", include("reviews.urls")),
    path("assessments/", include("assessments.urls")),
    path("comparisons/", include("comparisons.urls")),
    path("mystery-shopping/", include("mysteryshop.urls")),
    path("recommendations/", include("recommendations.urls")),
    path("reports/", include("reports.urls")),
    path("public/", include("opendata.urls")),
    prefix_default_language=False,
)
