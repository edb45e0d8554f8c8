"""URLs of the second factor, in the accounts namespace (included by accounts/urls.py)."""

from django.urls import path

from accounts.second_factor import views

urlpatterns = [
    path("second-factor/check/", views.step, name="second-factor-step"),
    path("second-factor/check/<slug:kind>/", views.step, name="second-factor-check"),
    path("second-factor/methods/", views.method_list, name="second-factor-methods"),
    path("second-factor/methods/authenticator/", views.add_authenticator,
         name="second-factor-add-authenticator"),
    path("second-factor/methods/authenticator/qr.svg", views.authenticator_qr,
         name="second-factor-authenticator-qr"),
    path("second-factor/methods/recovery-codes/", views.recovery_codes,
         name="second-factor-recovery-codes"),
    path("second-factor/methods/recovery-codes.txt", views.recovery_codes_download,
         name="second-factor-recovery-codes-download"),
    path("second-factor/methods/<slug:kind>/<int:pk>/remove/", views.remove, name="second-factor-remove"),
    path("people/<int:pk>/second-factor/reset/", views.reset, name="second-factor-reset"),
]
