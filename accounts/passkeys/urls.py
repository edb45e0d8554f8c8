"""Passkeys' URLs, in the accounts namespace, beside the second factor's own: adding one is one of
the methods pages (open to staff adding their first method), using one is part of the step."""

from django.urls import path

from accounts.passkeys import views

urlpatterns = [
    path("second-factor/methods/passkey/", views.add, name="second-factor-add-passkey"),
    path("second-factor/methods/passkey/options/", views.AddOptions.as_view(),
         name="second-factor-add-passkey-options"),
    path("second-factor/methods/passkey/finish/", views.AddFinish.as_view(),
         name="second-factor-add-passkey-finish"),
    path("second-factor/check/passkey/options/", views.CheckOptions.as_view(),
         name="second-factor-passkey-options"),
    path("second-factor/check/passkey/finish/", views.CheckFinish.as_view(),
         name="second-factor-passkey-finish"),
]
