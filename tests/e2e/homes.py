"""A real Home Assistant for the browser tests, on the floor or the newest release.

The floor leg runs Home Assistant with this interpreter (.venv, Python 3.13,
Home Assistant 2025.4). The newest leg runs it inside the ha-latest chroot
(Python 3.14, the newest Home Assistant), through `ha-latest --exec`, from a
venv of its own (.venv-latest) that sees ha-latest's packages but takes what
Home Assistant installs at start (the frontend, ...) for itself, so the test
environment stays as ha-latest built it. Both share the network with this
machine, so Chromium and the provisioning helper reach either on 127.0.0.1.
The home's folder lies inside the repository (.e2e/), where the chroot sees it
at the same path.
"""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = Path(__file__).resolve().parents[2]
HOMES = ROOT / ".e2e"
HA_LATEST = Path(
    os.environ.get("HA_LATEST", ROOT.parent / "shared" / "tools" / "ha-latest")
)
LATEST_VENV = ROOT / ".venv-latest"
LATEST_LINK = LATEST_VENV / "lib" / "python3.14" / "site-packages" / "ha_latest_env.pth"
LATEST_READY = LATEST_VENV / ".ready"
# Inside the chroot: the venv ha-latest built, with the newest Home Assistant.
LATEST_SITE_PACKAGES = "/opt/venv/lib/python3.14/site-packages"
# Home Assistant installs the demo's camera requirement while the demo is
# already importing it; installed beforehand, the first start is clean too.
LATEST_PREINSTALL = ("PyTurboJPEG",)


@dataclass(frozen=True)
class Leg:
    """Where a Home Assistant for the browser tests comes from."""

    name: str
    release: str  # the release series it must report, e.g. "2025.4"

    def command(self, config: Path) -> list[str]:
        """Return the command that runs Home Assistant on `config`."""
        if self.name == "floor":
            return [sys.executable, "-m", "homeassistant", "--config", str(config)]
        return [
            str(HA_LATEST),
            "--exec",
            "env",
            f"VIRTUAL_ENV={LATEST_VENV}",
            f"{LATEST_VENV}/bin/python",
            "-m",
            "homeassistant",
            "--config",
            str(config),
        ]

    def prepare(self) -> None:
        """Make the newest leg's venv once; the floor needs nothing."""
        # Its python links to the chroot's, which this machine lacks: a stamp
        # written last says it is complete.
        if self.name == "floor" or LATEST_READY.exists():
            return
        script = (
            f"python3.14 -m venv {LATEST_VENV} && "
            f"echo {LATEST_SITE_PACKAGES} > {LATEST_LINK} && "
            f"VIRTUAL_ENV={LATEST_VENV} {LATEST_VENV}/bin/python -m uv pip install "
            f"--quiet {' '.join(LATEST_PREINSTALL)} && "
            f"touch {LATEST_READY}"
        )
        subprocess.run(  # noqa: S603 - the project's own tool
            [str(HA_LATEST), "--exec", "bash", "-c", script],
            cwd=ROOT,
            check=True,
            timeout=900,
        )


LEGS = {
    "floor": Leg("floor", "2025.4"),
    "newest": Leg("newest", "2026."),
}


def free_port() -> int:
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_config(port: int) -> Path:
    """Copy the development home into .e2e/, on its own port, linked to the product."""
    HOMES.mkdir(exist_ok=True)
    target = Path(tempfile.mkdtemp(prefix="home-", dir=HOMES)) / "config"
    target.mkdir()
    for name in ("configuration.yaml", "automations.yaml"):
        shutil.copy(ROOT / "config" / name, target / name)
    configuration = target / "configuration.yaml"
    text, count = re.subn(
        r"server_port: *\d+",
        f"server_port: {port}\n  server_host: 127.0.0.1",
        configuration.read_text(encoding="utf-8"),
    )
    assert count == 1, "config/configuration.yaml sets no http server_port"
    configuration.write_text(text, encoding="utf-8")
    (target / "custom_components").mkdir()
    (target / "custom_components" / "microdose_together").symlink_to(
        ROOT / "custom_components" / "microdose_together"
    )
    (target / "dashboards").symlink_to(ROOT / "dashboards")
    return target


def start_phones(config: Path, port: int, watch_pid: int) -> subprocess.Popen[bytes]:
    """Start the stand-in phones' push receiver; it logs to the home's phones.log.

    It runs on this machine for both legs: Home Assistant reaches it on
    127.0.0.1 from inside ha-latest too.
    """
    output = (config.parent / "phones.out").open("wb")
    try:
        return subprocess.Popen(  # noqa: S603 - our own helper
            [
                sys.executable,
                str(ROOT / "scripts" / "phone_standin.py"),
                "--port",
                str(port),
                "--log",
                str(config / "phones.log"),
                "--watch-pid",
                str(watch_pid),
            ],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    finally:
        output.close()


def stop_phones(process: subprocess.Popen[bytes]) -> None:
    """Stop the push receiver (it also stops by itself once Home Assistant has)."""
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start(leg: Leg, config: Path) -> subprocess.Popen[bytes]:
    """Start Home Assistant in a process group of its own (ha-latest adds layers)."""
    output = (config.parent / "hass.out").open("wb")
    try:
        return subprocess.Popen(  # noqa: S603 - our own interpreter or tool
            leg.command(config),
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
        )
    finally:
        output.close()


def stop(process: subprocess.Popen[bytes]) -> None:
    """Stop Home Assistant and whatever ha-latest wrapped around it."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=90)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    # The wrapper may end before Home Assistant inside it; wait for the group.
    deadline = time.monotonic() + 90
    while _group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    if _group_alive(process.pid):
        os.killpg(process.pid, signal.SIGKILL)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
