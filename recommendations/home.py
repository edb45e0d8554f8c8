def section(user):
    """This app's part of the signed-in person's home page: a dict with "template", or None."""
    return None
