"""Each process's own copies of the public pages it has served, a few megabytes at most.

A public page is kept in the shared cache under a key that holds its version (its ETag,
scrutiny/public_cache.py), so what is kept under a key never changes: a process may keep its own
copy and serve it again without reading the page from the cache, only its version. A change to
what the page shows gives it a new version, so a new key, on every process at once; copies of old
versions are never asked for again and are pushed out by newer ones, the least recently used first.

At most PUBLIC_PAGE_MEMORY bytes (pages compressed, and plain once someone asked for one plain);
0 keeps none. A page larger than a quarter of that is not copied, so that one large file does not
push every page out; one too large only once plain is added is kept compressed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings


@dataclass
class Page:
    """A kept page: its headers, its body compressed, and its body plain once asked for."""

    headers: list[tuple[str, str]]
    gzip: bytes
    plain: bytes | None = None

    @property
    def size(self) -> int:
        return len(self.gzip) + len(self.plain or b"") + sum(len(n) + len(v) for n, v in self.headers)


class Copies:
    """Pages by key, the least recently used pushed out first once over the limit."""

    def __init__(self) -> None:
        self._pages: OrderedDict[str, Page] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threaded workers share one process's copies
        self.size = 0

    def get(self, key: str) -> Page | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: str, page: Page) -> None:
        """Keep a copy of `page` (again, when it has grown its plain body)."""
        limit = settings.PUBLIC_PAGE_MEMORY
        if page.size > limit // 4:
            return  # a copy already kept (compressed only) stays
        with self._lock:
            old = self._pages.pop(key, None)
            if old is not None:
                self.size -= old.size
            self._pages[key] = page
            self.size += page.size
            while self.size > limit:
                _, pushed_out = self._pages.popitem(last=False)
                self.size -= pushed_out.size

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()
            self.size = 0

    def __len__(self) -> int:
        return len(self._pages)


copies = Copies()
