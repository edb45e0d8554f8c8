"""The HTTPS proxy of docker-compose.yml, run as compose runs it: its start script turns
ALLOWED_HOSTS into Caddy's site addresses, and Debian's Caddy adapts and validates docker/Caddyfile
for one host and for several. No Docker engine is needed; Caddy never listens here."""

import json
import os
import shutil
import subprocess

import pytest
from ruamel.yaml import YAML

from tests.conftest import need_service
from tests.deploy.production import REPO

COMPOSE_FILE = REPO / "docker-compose.yml"


@pytest.fixture(scope="module")
def caddy():
    path = shutil.which("caddy")
    need_service(path is not None, "The proxy test needs Caddy (apt-get install caddy)")
    return path


@pytest.fixture(scope="module")
def proxy():
    return YAML(typ="safe").load(COMPOSE_FILE.read_text())["services"]["proxy"]


def in_repo(proxy, container_path):
    """The file of this checkout that compose mounts at container_path in the proxy."""
    for volume in proxy["volumes"]:
        source, target = volume.split(":")[:2]
        if target == container_path:
            return str(REPO / source.removeprefix("./"))
    raise AssertionError(f"nothing is mounted at {container_path}")


def run_proxy(proxy, caddy, tmp_path, allowed_hosts, action):
    """The proxy's entrypoint and command as compose has them, with `caddy run` replaced by
    `caddy <action>` and container paths by this checkout's files."""
    entrypoint = [in_repo(proxy, part) if part.startswith("/etc/caddy/") else part
                  for part in proxy["entrypoint"]]
    command = [in_repo(proxy, part) if part.startswith("/etc/caddy/") else part
               for part in proxy["command"]]
    assert command[:2] == ["caddy", "run"]
    command[:2] = [caddy, action]
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "ALLOWED_HOSTS": allowed_hosts}
    return subprocess.run([*entrypoint, *command], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def served_hosts(adapted):
    config = json.loads(adapted.stdout)
    (server,) = config["apps"]["http"]["servers"].values()
    assert server["listen"] == [":443"]
    (route,) = server["routes"]
    return route["match"][0]["host"], json.dumps(route)


@pytest.mark.parametrize("allowed_hosts, hosts", [
    ("scrutiny.example.org", ["scrutiny.example.org"]),
    ("a.example,b.example", ["a.example", "b.example"]),
    (" a.example , b.example,c.example, ", ["a.example", "b.example", "c.example"]),
])
def test_the_proxy_serves_every_allowed_host(proxy, caddy, tmp_path, allowed_hosts, hosts):
    adapted = run_proxy(proxy, caddy, tmp_path, allowed_hosts, "adapt")

    assert adapted.returncode == 0, adapted.stderr
    served, route = served_hosts(adapted)
    assert served == hosts
    assert '"dial": "web:8000"' in route and '"max_size": 22020096' in route  # 21 MiB
    validated = run_proxy(proxy, caddy, tmp_path, allowed_hosts, "validate")
    assert validated.returncode == 0 and "Valid configuration" in validated.stdout + validated.stderr


def test_without_the_start_script_two_hosts_break_caddy(caddy, tmp_path):
    """Why the script is there: Caddy refuses "a.example,b.example" as a site address."""
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "SITE_ADDRESS": "a.example,b.example"}
    result = subprocess.run(
        [caddy, "adapt", "--config", str(REPO / "docker" / "Caddyfile"), "--adapter", "caddyfile"],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode != 0 and "comma" in result.stderr


@pytest.mark.parametrize("allowed_hosts", [".example.org", "*", "a.example,*.example.org", " , "])
def test_host_patterns_are_refused_with_a_clear_message(proxy, caddy, tmp_path, allowed_hosts):
    result = run_proxy(proxy, caddy, tmp_path, allowed_hosts, "adapt")

    assert result.returncode == 64
    assert "ALLOWED_HOSTS" in result.stderr and result.stdout == ""
