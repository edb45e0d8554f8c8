"""Settings for benchmarks only: the product's settings plus a bare view to compare pages with.

Never used in production: the bare view is routed only through bench.urls."""

from scrutiny.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# Benchmark keys apart from anything else kept in the same Redis.
CACHES["default"].setdefault("KEY_PREFIX", "scrutiny-bench")  # noqa: F405

# `make bench-load` talks plain HTTP on loopback while saying it came through the deployment's
# HTTPS proxy (X-Forwarded-Proto): its cookies must come back over that plain HTTP.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
