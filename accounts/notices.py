"""The one way the site tells a person something: by email if they asked for email, otherwise
as a notice on their home page with the same words, so the step is not lost on someone who
prefers phone, text or post (or has no email address)."""

from accounts.models import ContactPreference, Notice, User
from scrutiny.emails import absolute_url, render_plain_text, send_plain_text, subject_line


def wants_email(person: User) -> bool:
    """True if the person has asked to be contacted by email and has an address to use."""
    return bool(person.email) and person.contact_preference == ContactPreference.EMAIL


def tell(*, person: User, subject: str, template: str, context: dict, path: str = "",
         about: object = None) -> bool:
    """Email the person, or leave the same words as a notice on their home page if they do not
    want email. `path` is the page it is about (the template gets the full link as `url`).
    True if an email was sent. A failure to send is logged with what it was about and raised,
    so the task that called this can retry."""
    subject = subject_line(subject)
    url = absolute_url(path) if path else ""
    body = render_plain_text(template, {**context, "person": person, "url": url})
    if not wants_email(person):
        Notice.objects.create(user=person, subject=subject, body=body, url=path[:500])
        return False
    send_plain_text(address=person.email, subject=subject, body=body, about=about,
                    whom=f"user {person.pk}")
    return True
