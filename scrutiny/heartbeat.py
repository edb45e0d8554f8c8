"""Heartbeats: each Celery worker, and beat, notes in the broker's Redis that it is alive, every
HEALTH_HEARTBEAT_EVERY seconds. Health checks and the administrators' System health page read
these notes; nothing ever asks a worker during a request (a broadcast waits for answers).

A worker's note says which queues it takes tasks from; it is written from the worker's own
event loop (a bootstep's timer), so a note stops coming when the loop stops, not only when the
process dies. Beat's note comes from its scheduler's every tick, with the last task it sent.
Notes are kept a day, so a worker that stopped shows as silent rather than vanishing.
"""

import json
import logging
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis
from celery import bootsteps
from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)

PREFIX = "scrutiny:heartbeat"
KEEP_FOR = 24 * 3600
# A note older than this many intervals means the process has gone quiet.
LATE_AFTER_BEATS = 3
_clients: dict[tuple[str, int], redis.Redis] = {}


def broker_client() -> redis.Redis | None:
    """A Redis client on the broker (one per process), or None when the broker is not Redis."""
    url = settings.CELERY_BROKER_URL
    if not url.startswith(("redis://", "rediss://")):
        return None
    key = (url, os.getpid())  # a forked process makes its own connections
    if key not in _clients:
        timeout = settings.HEALTH_CHECK_TIMEOUT
        _clients[key] = redis.Redis.from_url(
            url, socket_timeout=timeout, socket_connect_timeout=timeout, retry_on_timeout=False,
        )
    return _clients[key]


def worker_key(name: str) -> str:
    return f"{PREFIX}:worker:{name}"


def beat_key() -> str:
    # Sites sharing one Redis each have their own queue, and their own beat.
    return f"{PREFIX}:beat:{settings.CELERY_TASK_DEFAULT_QUEUE}"


def _write(key: str, note: dict[str, Any]) -> None:
    client = broker_client()
    if client is None:
        return
    try:
        client.set(key, json.dumps(note), ex=KEEP_FOR)
    except redis.RedisError as exc:
        logger.warning("Could not write the heartbeat %s: %s", key, exc)


def note_worker(*, name: str, queues: list[str], at: float | None = None) -> None:
    """Write the worker's heartbeat: alive now, taking tasks from these queues."""
    _write(worker_key(name), {"name": name, "queues": sorted(queues), "at": at or time.time(),
                              "pid": os.getpid()})


def forget_worker(*, name: str) -> None:
    """A worker that stops cleanly takes its note away: it is not missing, it was stopped."""
    client = broker_client()
    if client is not None:
        try:
            client.delete(worker_key(name))
        except redis.RedisError as exc:
            logger.warning("Could not remove the heartbeat of %s: %s", name, exc)


def note_beat(*, last_sent: dict[str, Any] | None, at: float | None = None) -> None:
    """Write beat's heartbeat, with the last periodic task it handed over, if any."""
    _write(beat_key(), {"at": at or time.time(), "last_sent": last_sent})


@dataclass(frozen=True)
class Heartbeat:
    name: str
    at: float
    queues: tuple[str, ...] = ()
    last_sent: dict[str, Any] | None = None

    @property
    def age(self) -> float:
        return max(0.0, time.time() - self.at)

    @property
    def seconds_ago(self) -> int:
        return round(self.age)

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.at, tz=UTC)

    @property
    def last_sent_when(self) -> datetime | None:
        return datetime.fromtimestamp(self.last_sent["at"], tz=UTC) if self.last_sent else None

    @property
    def alive(self) -> bool:
        return self.age <= LATE_AFTER_BEATS * settings.HEALTH_HEARTBEAT_EVERY


def workers(queue: str | None = None) -> list[Heartbeat]:
    """Every worker's last heartbeat that takes tasks from `queue` (this site's by default),
    by name. Raises redis.RedisError when the broker cannot be read."""
    queue = queue or settings.CELERY_TASK_DEFAULT_QUEUE
    client = broker_client()
    if client is None:
        return []
    keys = sorted(client.scan_iter(match=worker_key("*"), count=500))
    notes = [json.loads(raw) for raw in client.mget(keys) if raw] if keys else []
    return [
        Heartbeat(name=note["name"], at=note["at"], queues=tuple(note["queues"]))
        for note in notes if queue in note["queues"]
    ]


def worker(name: str) -> Heartbeat | None:
    """One worker's last heartbeat, by its node name (celery@host)."""
    client = broker_client()
    raw = client.get(worker_key(name)) if client is not None else None
    if not raw:
        return None
    note = json.loads(raw)
    return Heartbeat(name=note["name"], at=note["at"], queues=tuple(note["queues"]))


def beat() -> Heartbeat | None:
    """Beat's last heartbeat for this site, if it has written one in the last day."""
    client = broker_client()
    raw = client.get(beat_key()) if client is not None else None
    if not raw:
        return None
    note = json.loads(raw)
    return Heartbeat(name="beat", at=note["at"], last_sent=note.get("last_sent"))


def queue_length(queue: str | None = None) -> int:
    """Tasks waiting in the broker for a worker on `queue` (kombu keeps one Redis list per
    priority step: the queue's name, then the name with a separator and the step)."""
    queue = queue or settings.CELERY_TASK_DEFAULT_QUEUE
    client = broker_client()
    if client is None:
        return 0
    names = [queue, *(f"{queue}\x06\x16{step}" for step in range(1, 10))]
    with client.pipeline(transaction=False) as pipe:
        for name in names:
            pipe.llen(name)
        return sum(pipe.execute())


class WorkerHeartbeat(bootsteps.StartStopStep):
    """A worker's consumer step: a note at start, then one every HEALTH_HEARTBEAT_EVERY seconds
    from the worker's event loop; the note is removed when the worker shuts down cleanly."""

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.timer_entry: Any = None

    def start(self, parent: Any) -> None:
        self.beat(parent)
        self.timer_entry = parent.timer.call_repeatedly(
            settings.HEALTH_HEARTBEAT_EVERY, self.beat, (parent,), priority=10,
        )

    def beat(self, parent: Any) -> None:
        queues = [queue.name for queue in parent.task_consumer.queues] if parent.task_consumer else []
        note_worker(name=parent.hostname, queues=queues)

    def stop(self, parent: Any) -> None:
        if self.timer_entry is not None:
            self.timer_entry.cancel()
            self.timer_entry = None

    def shutdown(self, parent: Any) -> None:
        self.stop(parent)
        forget_worker(name=parent.hostname)


class HeartbeatScheduler(PersistentScheduler):
    """Beat's scheduler (schedule kept in its file, as Celery's default), noting each tick and
    the last task it handed over. Beat ticks at least every beat_max_loop_interval seconds."""

    last_sent: dict[str, Any] | None = None

    def apply_entry(self, entry: Any, producer: Any = None) -> None:
        super().apply_entry(entry, producer=producer)
        self.last_sent = {"name": entry.name, "task": entry.task, "at": time.time()}

    def tick(self, *args: Any, **kwargs: Any) -> float:
        interval = super().tick(*args, **kwargs)
        note_beat(last_sent=self.last_sent)
        return interval
