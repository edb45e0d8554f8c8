"""Stand-ins a fault test controls: a private Redis it can stop and start, and a mail server
that answers or stays silent. Only loopback; nothing shared is stopped."""

from __future__ import annotations

import contextlib
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

READY_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivateRedis:
    """A redis-server of the test's own on a free port, so stopping it harms no one else."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=5) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"redis-server did not start on port {self.port}")

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """The server stopped with SIGSTOP: it accepts connections and never answers (it hangs)."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)
        try:
            yield
        finally:
            self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None


class MailServer:
    """A small SMTP server. While `silent` it accepts connections and never answers (a mail
    server that hangs); otherwise it takes each message and keeps its text in `messages`."""

    def __init__(self) -> None:
        self.port = free_port()
        self.silent = False
        self.connections = 0
        self.messages: list[str] = []
        self._held: list[socket.socket] = []
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._stopping = False
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stopping:
            try:
                conn, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            if self.silent:
                self._held.append(conn)
            else:
                threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        stream = conn.makefile("rb")
        with conn, stream:
            conn.sendall(b"220 test mail server\r\n")
            data: list[bytes] = []
            in_data = False
            for line in stream:
                if in_data:
                    if line in (b".\r\n", b".\n"):
                        in_data = False
                        self.messages.append(b"".join(data).decode(errors="replace"))
                        data = []
                        conn.sendall(b"250 queued\r\n")
                    else:
                        data.append(line)
                    continue
                verb = line[:4].upper()
                if verb == b"DATA":
                    in_data = True
                    conn.sendall(b"354 go ahead\r\n")
                elif verb == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 ok\r\n")

    def release_held(self) -> None:
        for conn in self._held:
            conn.close()
        self._held.clear()

    def close(self) -> None:
        self._stopping = True
        self.release_held()
        self._server.close()


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own (initdb in a temporary folder, a free port), so
    stopping and starting it harms no one else. initdb and postgres refuse to run as root: as
    root, they run as the `postgres` user, which owns the folder."""

    def __init__(self, bin_dir: Path) -> None:
        import os
        import tempfile

        self.bin_dir = bin_dir
        self.port = free_port()
        # Under /tmp, not pytest's own temporary folder: that is private to root.
        self.folder = Path(tempfile.mkdtemp(prefix="scrutiny-pg-"))
        self.data = self.folder / "data"
        self.as_root = os.geteuid() == 0
        if self.as_root:
            import shutil

            shutil.chown(self.folder, user="postgres", group="postgres")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/scrutiny"

    def _run(self, *args: str) -> str:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
        log = self.folder / "server.log"
        server_log = log.read_text(errors="replace") if log.exists() else ""
        assert result.returncode == 0, f"{args[0]} failed:\n{result.stdout}{result.stderr}{server_log}"
        return result.stdout

    def create(self) -> None:
        """initdb, start, and create the empty `scrutiny` database."""
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.start()
        import psycopg2

        conn = psycopg2.connect(dbname="postgres", user="postgres", host="127.0.0.1", port=self.port)
        conn.autocommit = True
        try:
            with conn.cursor() as cursor:
                cursor.execute("CREATE DATABASE scrutiny")
        finally:
            conn.close()

    def load(self, source_url: str) -> None:
        """Copy a database (schema and rows, by pg_dump) into this cluster's `scrutiny`."""
        dump = subprocess.run(
            [str(self.bin_dir / "pg_dump"), "--no-owner", "--no-privileges", source_url],
            capture_output=True, timeout=600, check=False,
        )
        assert dump.returncode == 0, dump.stderr.decode(errors="replace")
        restore = subprocess.run(
            [str(self.bin_dir / "psql"), "-q", "-v", "ON_ERROR_STOP=1", self.url],
            input=dump.stdout, capture_output=True, timeout=600, check=False,
        )
        assert restore.returncode == 0, restore.stderr.decode(errors="replace")

    def start(self) -> None:
        # -w: return once the server accepts connections; sockets in the folder, not /run.
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w",
                  "-t", str(READY_TIMEOUT * 5), "start", "-o",
                  f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off")

    def stop(self, mode: str = "fast") -> None:
        """pg_ctl stop: "fast" ends every session at once, as a restart by an operator does."""
        self._run("pg_ctl", "-D", str(self.data), "-w", "-t", str(READY_TIMEOUT * 5), "stop",
                  "-m", mode)

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def remove(self) -> None:
        import shutil

        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)
