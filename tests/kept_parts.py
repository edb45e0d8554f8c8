"""For tests of parts kept in the cache: a page fetched while watching what it keeps."""

from unittest import mock

from django.core.cache import cache


def get_watching_the_cache(client, path: str) -> tuple[str, list[str]]:
    """The page's HTML, and the keys it kept in the cache while drawn: a part found kept is
    not among them, a part drawn afresh is."""
    with mock.patch.object(cache, "set", wraps=cache.set) as kept:
        response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode(), [call.args[0] for call in kept.call_args_list]


def drawn(keys: list[str], prefix: str) -> bool:
    """Whether a part whose keys start with `prefix` was drawn afresh."""
    return any(key.startswith(prefix) for key in keys)
