"""`make bench-demo`: time every page a demo user can reach, as each role, with its query count.

Runs on a fresh database (a temporary SQLite file unless DATABASE_URL is set) with the demo
data, follows the links from each role's home page (two clicks deep) and reports the median
time of five requests and the number of queries per page. Numbers are for reading and
comparing between commits; tests never assert times.
"""

import os
import statistics
import sys
import tempfile
import time
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urljoin, urlparse

RUNS = 5
MAX_PAGES = 40


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _links(path, html):
    parser = _Links()
    parser.feed(html)
    for href in parser.links:
        url = urlparse(urljoin(path, href))
        if url.netloc or not url.path.startswith("/") or url.path.startswith(("/admin", "/static")):
            continue
        if any(word in url.path for word in ("sign-out", "download", ".json", ".ics", ".csv", ".xlsx")):
            continue
        yield url.path + (f"?{url.query}" if url.query else "")


def main():
    tmp = tempfile.mkdtemp(prefix="scrutiny-bench-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["MEDIA_ROOT"] = f"{tmp}/media"
    os.environ["AXES_ENABLED"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from bench.sign_in import signed_in

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=StringIO())
    print(f"{'role':<8} {'page':<58} {'median ms':>9} {'queries':>7}")
    for role in ("tenant", "officer", "manager", "admin"):
        client = signed_in(User.objects.get(email=f"{role}@example.org"))
        seen, queue = set(), [("/", 0)]
        while queue and len(seen) < MAX_PAGES:
            path, depth = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            times = []
            for _ in range(RUNS):
                with CaptureQueriesContext(connection) as queries:
                    start = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            print(f"{role:<8} {path[:58]:<58} {statistics.median(times):>9.1f} {len(queries):>7}")
            if depth < 2:
                queue.extend((link, depth + 1) for link in _links(path, response.content.decode()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
