"""Kept sections on the real stack: two gunicorn processes sharing Redis as the cache, as
deployed. A finding logged through one is on the review's page drawn by the other at once,
and a finding in another review leaves this review's kept section where it is."""

import redis

from panels.models import PanelRole
from reviews.models import Stage
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory
from tests.factories.reviews import FindingFactory, ReviewFactory
from tests.stack.conftest import _free_port
from tests.stack.test_stack import csrf_token, sign_in


def log_finding(browser, review, statement):
    path = f"/reviews/{review.pk}/findings/add/"
    response = browser.post(path, follow=False, data={
        "kind": "weakness", "statement": statement, "csrfmiddlewaretoken": csrf_token(browser.get(path)),
    })
    assert response.status_code == 302, response.text[:2000]


def kept(cache, review):
    """The review's version and its kept sections, as they stand in Redis."""
    [version] = cache.keys(f"*reviews:review-version:{review.pk}")
    return cache.get(version), sorted(cache.keys(f"*reviews:findings-section:{review.pk}:*"))


def test_a_finding_logged_on_one_process_is_shown_by_the_other_and_leaves_other_reviews_kept(
    stack, private_redis
):
    stack.env.update(CACHE_URL=f"rediscache://127.0.0.1:{private_redis.port}/1")
    member = UserFactory(role="tenant", email="stack-member@example.org")
    reviews = []
    for name in ("SURE Team", "Repairs Group"):
        panel = PanelFactory(name=name)
        MembershipFactory(panel=panel, user=member, role=PanelRole.CHAIR)
        reviews.append(ReviewFactory(panel=panel, stage=Stage.EVIDENCE))
    review, other = reviews
    FindingFactory(review=review, statement="Calls go unlogged.")
    second_port = _free_port()
    stack.start_web()
    stack.start_web("web2", port=second_port)
    first = sign_in(stack, member)
    second = stack.browser(second_port)
    second.cookies = dict(first.cookies)  # the same person, signed in, on the other process
    cache = redis.Redis.from_url(f"redis://127.0.0.1:{private_redis.port}/1")

    assert "Calls go unlogged." in first.get(f"/reviews/{review.pk}/").text  # drawn and kept
    before = kept(cache, review)
    assert before[1]

    log_finding(second, other, "Repairs are late.")
    assert "Repairs are late." in first.get(f"/reviews/{other.pk}/").text
    assert kept(cache, review) == before  # the other review's finding left this one kept

    log_finding(second, review, "Replies are late.")
    page = first.get(f"/reviews/{review.pk}/").text
    assert "Replies are late." in page and "Calls go unlogged." in page
    assert kept(cache, review)[0] != before[0]
    cache.close()
