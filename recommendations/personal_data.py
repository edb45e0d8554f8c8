def collect(user):
    """What this app holds about a person, as (title, data) for their download, or None."""
    return None
