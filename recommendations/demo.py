def seed(*, password, people):
    """Demo data for this app; idempotent. Returns any demo people it adds, by key."""
    return {}
