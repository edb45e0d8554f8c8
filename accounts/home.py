from accounts import selectors
from accounts.models import User

NOTICES_SHOWN = 10


def section(user: User) -> dict | None:
    """Notices for someone who asked not to be emailed: what the emails would have said."""
    notices = selectors.unread_notices(user)
    shown = list(notices[: NOTICES_SHOWN + 1])
    if not shown:
        return None
    return {"template": "accounts/_notices.html", "notices": shown[:NOTICES_SHOWN],
            "more": len(shown) > NOTICES_SHOWN}
