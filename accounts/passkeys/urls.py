from django.urls import path

from accounts.passkeys import views

# Included by accounts/urls.py under "accounts:" (no namespace of their own).
urlpatterns = [
    path("profile/passkeys/add/", views.add, name="passkey-add"),
    path("profile/passkeys/add/options/", views.AddOptions.as_view(), name="passkey-add-options"),
    path("profile/passkeys/add/finish/", views.AddFinish.as_view(), name="passkey-add-finish"),
    path("profile/passkeys/<int:pk>/remove/", views.remove, name="passkey-remove"),
    path("passkey/", views.check, name="passkey-check"),
    path("passkey/options/", views.CheckOptions.as_view(), name="passkey-check-options"),
    path("passkey/finish/", views.CheckFinish.as_view(), name="passkey-check-finish"),
]
