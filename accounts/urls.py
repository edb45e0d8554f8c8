from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy

from accounts import views
from accounts.forms import OutboxPasswordResetForm, SignInForm
from accounts.language import SignInView
from accounts.sign_out import SignOutView

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        SignInView.as_view(
            template_name="accounts/sign_in.html", authentication_form=SignInForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.personal_data, name="personal-data"),
    path("profile/sessions/", views.signed_in_sessions, name="sessions"),
    path("profile/sessions/<int:pk>/end/", views.end_session, name="session-end"),
    path("profile/sessions/end-others/", views.end_other_sessions, name="sessions-end-others"),
    path("notices/read/", views.notices_read, name="notices-read"),
    path(
        "profile/password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password-change-done"),
        ),
        name="password-change",
    ),
    path(
        "profile/password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password-change-done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=OutboxPasswordResetForm,
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password-reset-sent"),
        ),
        name="password-reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password-reset-sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password-reset-complete"),
        ),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password-reset-complete",
    ),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person_edit, name="person-edit"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<int:pk>/resend/", views.resend_invitation, name="resend-invitation"),
    path("invitation/<str:token>/", views.accept_invitation, name="accept-invitation"),
    path("", include("accounts.second_factor.urls")),
    path("", include("accounts.passkeys.urls")),
]
