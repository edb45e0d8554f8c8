"""The benchmark's two baselines (bench/baselines.py): the no-middleware one truly skips the
product's middleware, in the benchmark's own client and in the WSGI application bench-load serves."""

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client, override_settings

from bench.baselines import no_middleware_client, no_middleware_handler
from bench.core import Bench
from bench.urls import BARE_PATH, NO_MIDDLEWARE_PATH
from tests.reviews.conftest import world as world  # the fixture

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.urls")]

# What the product's middleware adds to every answer (SecurityMiddleware, XFrameOptionsMiddleware).
ADDED = ("X-Frame-Options", "X-Content-Type-Options")


def test_the_no_middleware_client_runs_none_of_the_product_middleware(world):
    client = no_middleware_client()
    client.force_login(world.member)  # a session cookie sent, which nothing reads
    bare = client.get(NO_MIDDLEWARE_PATH)

    assert bare.status_code == 200
    assert not hasattr(bare.wsgi_request, "session") and not hasattr(bare.wsgi_request, "user")
    assert not any(bare.has_header(name) for name in ADDED)
    # The same view behind the middleware, for comparison, is dressed by it.
    signed_in = Client()
    signed_in.force_login(world.member)
    dressed = signed_in.get(BARE_PATH)
    assert dressed.wsgi_request.user == world.member
    assert all(dressed.has_header(name) for name in ADDED)


def test_a_middleware_that_would_refuse_every_request_is_not_run(world):
    with override_settings(MIDDLEWARE=[*settings.MIDDLEWARE, "tests.bench.refuse.RefuseAll"]):
        assert Client().get(BARE_PATH).status_code == 418
        assert no_middleware_client().get(NO_MIDDLEWARE_PATH).status_code == 200
        assert _wsgi(no_middleware_handler(), NO_MIDDLEWARE_PATH)[0].startswith("200")


def test_bench_loads_wsgi_application_sends_only_the_baseline_address_past_the_middleware():
    from bench import wsgi

    status, headers = _wsgi(wsgi.application, NO_MIDDLEWARE_PATH)
    assert status.startswith("200") and not any(name in headers for name in ADDED)
    status, headers = _wsgi(wsgi.application, BARE_PATH)
    assert status.startswith("200") and all(name in headers for name in ADDED)


def test_each_page_is_measured_in_turn_with_both_baselines(world):
    bench = Bench(runs=4)
    bench.clients["tenant"] = Client()
    bench.clients["tenant"].force_login(world.member)
    seen: list[str] = []
    for client in (bench.clients["tenant"], bench.no_middleware):
        original = client.get
        client.get = lambda path, _get=original, **kw: seen.append(path) or _get(path, **kw)

    result = bench.time_page("review page", "tenant", f"/reviews/{world.review.pk}/")

    page = f"/reviews/{world.review.pk}/"
    measured = seen[-8:]  # after the first request (counted) and one warming request of each
    assert measured == [page, NO_MIDDLEWARE_PATH, page, BARE_PATH] * 2
    values = result.values
    assert values["status"] == 200 and values["bare_ms"] > 0 and values["mw_ms"] > 0
    # The ratios are of the unrounded medians (shown rounded to 0.01 ms).
    assert values["x_bare"] == pytest.approx(values["median_ms"] / values["bare_ms"], rel=0.1)
    assert values["x_mw"] == pytest.approx(values["median_ms"] / values["mw_ms"], rel=0.1)
    assert values["x_bare_cpu"] == pytest.approx(values["cpu_ms"] / values["bare_cpu_ms"], rel=0.1)
    assert "load" in values


def _wsgi(app, path: str) -> tuple[str, dict[str, str]]:
    environ: dict = {"PATH_INFO": path, "wsgi.input": io.BytesIO(), "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    answer: dict = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    # As Django's test client does: the test's database connection stays open inside its
    # transaction, where a real request's end would close it.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        response = app(environ, start_response)
        b"".join(response)
        response.close()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return answer["status"], answer["headers"]
