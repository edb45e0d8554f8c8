"""The visit pages' service worker, included at the site root (scrutiny/urls.py): a service
worker may only look after pages at or below its own address, and the visit pages live under
/mystery-shopping/, so it is served from /visit-worker.js with no namespace."""

from django.urls import path

from mysteryshop.views.record import worker

urlpatterns = [
    path("visit-worker.js", worker, name="visit-worker"),
]
