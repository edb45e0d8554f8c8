import json
from collections.abc import Iterable
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import selectors, services
from accounts.devices import describe
from accounts.forms import InvitationForm, PeopleSearchForm, PersonForm, ProfileForm, SetPasswordForm
from accounts.http import AuthenticatedHttpRequest
from accounts.language import set_language_cookie
from accounts.models import Invitation, User
from accounts.second_factor import services as second_factor
from scrutiny import extensions, user_sessions
from scrutiny.forms import run_form
from scrutiny.models import UserSession
from scrutiny.permissions import role_required

INVITE_REFUSAL = gettext_lazy("Only administrators can invite people.")
PEOPLE_PER_PAGE = 25
SESSIONS_ON_PROFILE = 5
SESSIONS_PER_PAGE = 20
INVITATIONS_PER_PAGE = 50  # a panel's list of people can invite up to 200 at once


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:profile")
    sessions = selectors.signed_in_sessions(user=request.user, current_id=user_sessions.current_id(request))
    shown = list(sessions[:SESSIONS_ON_PROFILE])
    return render(request, "accounts/profile.html", {
        "form": form, "sessions": _described(shown),
        "has_second_factor": second_factor.has_second_factor(request.user),
        "sessions_count": sessions.count() if len(shown) == SESSIONS_ON_PROFILE else len(shown),
    })


def _described(sessions: Iterable[UserSession]) -> list[UserSession]:
    found = list(sessions)
    for session in found:
        session.device = describe(session.user_agent)
    return found


@login_required
def signed_in_sessions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everywhere the person is signed in, a page at a time."""
    sessions = selectors.signed_in_sessions(user=request.user, current_id=user_sessions.current_id(request))
    page = Paginator(sessions, SESSIONS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = _described(page.object_list)
    return render(request, "accounts/sessions.html", {"page": page, "sessions": page.object_list})


def _back(request: HttpRequest) -> HttpResponse:
    """To the list the button was on: the profile, or a page of the full list."""
    page = request.POST.get("page", "")
    if page.isdecimal():
        return redirect(f"{reverse('accounts:sessions')}?page={page}")
    return redirect(f"{reverse('accounts:profile')}#sessions")


@require_POST
@login_required
def end_session(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Sign out of one of the person's other sessions (someone else's is not found)."""
    current_id = user_sessions.current_id(request)
    session = get_object_or_404(selectors.signed_in_sessions(user=request.user, current_id=current_id), pk=pk)
    try:
        device = services.end_session(user=request.user, session=session, current_id=current_id,
                                      request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("You have signed out of %(device)s.") % {"device": device})
    return _back(request)


@require_POST
@login_required
def end_other_sessions(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Sign out everywhere but this device."""
    ended = services.end_other_sessions(
        user=request.user, current_id=user_sessions.current_id(request), request=request
    )
    messages.success(request, _("You are now signed in on this device only.") if ended
                     else _("You were signed in on this device only."))
    return redirect(f"{reverse('accounts:profile')}#sessions")


@login_required
def personal_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everything the site holds about the signed-in person, as a JSON download."""
    data = {"exported_at": timezone.now().isoformat()}
    for title, content in extensions.sections(extensions.PERSONAL_DATA_SECTIONS, request.user):
        data[title] = content
    response = HttpResponse(
        json.dumps(data, indent=2, default=str), content_type="application/json"
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@role_required("admin", message=INVITE_REFUSAL)
def invitations(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    done = run_form(
        request, form, lambda data: services.invite(by=request.user, **data),
        success=lambda invitation: _("An invitation is on its way to %(email)s.") % {
            "email": invitation.email},
        redirect_to="accounts:invitations",
    )
    return done or render(
        request, "accounts/invitations.html",
        {
            "form": form,
            "invitations": Paginator(selectors.pending_invitations(), INVITATIONS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
        },
    )


@require_POST
@role_required("admin", message=INVITE_REFUSAL)
def resend_invitation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        services.resend_invitation(invitation=invitation, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("A new link is on its way to %(email)s.") % {"email": invitation.email})
    return redirect("accounts:invitations")


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.find(token)
    if invitation is None or not invitation.is_usable:
        return render(request, "accounts/invitation_invalid.html", status=410)
    form = SetPasswordForm(request.POST or None, language=invitation.language)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.accept_invitation(
                invitation=invitation, password=form.cleaned_data["password1"],
                language=form.cleaned_data["language"],
            )
        except ValidationError as exc:
            form.add_error("password1", exc)
        else:
            login(request, user, backend="accounts.backends.KeptPersonBackend")
            with translation.override(user.language):
                messages.success(request, _("Welcome. Your account is ready."))
                response = redirect("home")
            set_language_cookie(response, user.language)
            return response
    return render(
        request, "accounts/accept_invitation.html", {"form": form, "invitation": invitation}
    )


@require_POST
@login_required
def notices_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Mark the person's own notices as read (one, with `notice`, or all); back to home."""
    notice_id = request.POST.get("notice", "")
    services.mark_notices_read(user=request.user, notice_id=int(notice_id) if notice_id.isdecimal() else None)
    return redirect("home")


@role_required("admin", message=gettext_lazy("Only administrators can see everyone's accounts."))
def people(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Everyone with an account, searchable by name or email, a page at a time."""
    search = PeopleSearchForm(request.GET or None)
    text = search.cleaned_data["q"] if search.is_valid() else ""
    page = Paginator(selectors.people(search=text), PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode({"q": text}) if text else ""
    return render(request, "accounts/people.html", {
        "search": search, "page": page, "query": query, "text": text,
    })


@role_required("admin", message=gettext_lazy("Only administrators can change people's roles."))
def person_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change one person's site role, or switch their account off or on."""
    person = get_object_or_404(User, pk=pk)
    form = PersonForm(request.POST or None, person=person)
    done = run_form(
        request, form, lambda data: services.change_person(person=person, by=request.user, **data),
        success=_("%(name)s's role and account have been saved.") % {"name": person.display_name},
        redirect_to="accounts:people",
    )
    return done or render(request, "accounts/person_edit.html", {
        "person": person, "form": form,
        "second_factor_methods": sum(len(devices) for _, devices in second_factor.methods_of(person)),
    })
