"""Loaded only by a test's Celery worker (`celery worker -I tests.stack.slow_reports`): that
worker holds each report it makes mid-making and says so in its log, so the test can stop it
there. The product itself has no such pause."""

import logging
import threading

from reports import makers

logger = logging.getLogger(__name__)
# Longer than any test waits; the test kills the worker long before.
HOLD_FOR = 900

_make = makers.make


def _held(report):
    logger.warning("Holding report %s mid-making", report.pk)
    threading.Event().wait(HOLD_FOR)
    return _make(report)


makers.make = _held
