"""The one way the site tells a person something: by email if they asked for email, otherwise
as a notice on their home page with the same words, so the step is not lost on someone who
prefers phone, text or post (or has no email address). Both are written in the person's own
language (their profile's), whatever the page's or the worker's: pass the subject as a lazy
translation or a function making it (scrutiny.emails.Words), so it is made in that language too:

    tell(person=assessor.user, template="assessments/email/reminder.txt", context={"sa": sa},
         subject=lambda: _("Reminder: please finish scoring %(title)s") % {"title": sa.title}, ...)

A subject made before the call (an f-string, or gettext on the page) stays in the caller's language."""

from accounts.language import translated_path
from accounts.models import ContactPreference, Notice, User
from scrutiny.emails import Words, absolute_url, render_plain_text, send_plain_text, subject_line, words
from scrutiny.translated import language_of


def wants_email(person: User) -> bool:
    """True if the person has asked to be contacted by email and has an address to use."""
    return bool(person.email) and person.contact_preference == ContactPreference.EMAIL


def tell(*, person: User, subject: Words, template: str, context: dict, path: str = "",
         about: object = None) -> bool:
    """Email the person, or leave the same words as a notice on their home page if they do not
    want email. `path` is the page it is about (the template gets the full link as `url`).
    True if an email was sent. A failure to send is logged with what it was about and raised,
    so the task that called this can retry."""
    # The page linked to, in the person's language (/cy/... for Welsh), whatever it was made in.
    path = translated_path(path, person.language) if path else ""
    url = absolute_url(path) if path else ""
    with language_of(person):
        text = subject_line(words(subject))
        body = render_plain_text(template, {**context, "person": person, "url": url})
    if not wants_email(person):
        Notice.objects.create(user=person, subject=text, body=body, url=path[:500])
        return False
    send_plain_text(address=person.email, subject=text, body=body, about=about,
                    whom=f"user {person.pk}")
    return True
