#!/usr/bin/env python3
"""Stand-in for the partners' phones: receives their pushes, and taps for them.

The development home registers a companion-app phone for each partner whose
push_url points here (``http://127.0.0.1:<port>/push/<phone name>``), so Home
Assistant's own mobile_app notify actions deliver to this receiver exactly as
they would to the push service of a real phone. Every push is printed to the
terminal and appended to a log file; ``GET /pushes`` returns them all as JSON.

A tap on a notification button is what the companion app sends: a
``fire_event`` to the phone's own webhook, which Home Assistant stamps with the
phone's user. ``tap`` does that for a phone registered by develop_provision.py:

    scripts/phone_standin.py tap "Alex phone" 'MDT|<entry>|1|<request>|good'
    scripts/phone_standin.py tap "Sam phone" 'MDT|...|answer' --reply "A walk"
"""

from __future__ import annotations

import argparse
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import json
import os
from pathlib import Path
import sys
import threading
import time
from typing import Any
import urllib.parse
import urllib.request

PUSH_PATH = "/push/"
ACTION_EVENT = "mobile_app_notification_action"
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONFIG = ROOT / "config"
PHONES_FILE = "phones.json"  # written by develop_provision.py
LOG_FILE = "phones.log"


def describe(phone: str, push: dict[str, Any], at: datetime) -> str:
    """Return a push as a person would read it on the phone."""
    data = push.get("data") or {}
    message = str(push.get("message", ""))
    head = f"[{at:%H:%M:%S}] {phone}"
    if message == "clear_notification" or message.startswith("command_"):
        return f"{head}: ({message} {data.get('tag', '')})".rstrip() + "\n"
    lines = [f"{head}: {push.get('title') or '(no title)'}"]
    lines += [f"    {line}" for line in message.splitlines() or [""]]
    for action in data.get("actions") or []:
        reply = " (text reply)" if action.get("behavior") == "textInput" else ""
        lines.append(f"    [{action.get('title')}{reply}] {action.get('action')}")
    return "\n".join(lines) + "\n"


class Receiver(ThreadingHTTPServer):
    """Keeps every push it was sent, and where to write them."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], log: Path | None) -> None:
        """Listen on ``address``; append to ``log`` when given."""
        super().__init__(address, PushHandler)
        self.log = log
        self.pushes: list[dict[str, Any]] = []
        self.lock = threading.Lock()

    def record(self, phone: str, push: dict[str, Any]) -> None:
        """Keep one push, print it and append it to the log."""
        at = datetime.now().astimezone()
        text = describe(phone, push, at)
        with self.lock:
            self.pushes.append({"phone": phone, "at": at.isoformat(), "push": push})
            sys.stdout.write(text)
            sys.stdout.flush()
            if self.log is not None:
                with self.log.open("a", encoding="utf-8") as log:
                    log.write(text)


class PushHandler(BaseHTTPRequestHandler):
    """Answers like a push service: 201 and an empty JSON object."""

    server: Receiver

    def do_POST(self) -> None:
        """Take one push for the phone the path names."""
        if not self.path.startswith(PUSH_PATH):
            self._answer(HTTPStatus.NOT_FOUND, {"message": "unknown path"})
            return
        phone = urllib.parse.unquote(self.path.removeprefix(PUSH_PATH))
        length = int(self.headers.get("Content-Length") or 0)
        try:
            push = json.loads(self.rfile.read(length) or b"{}")
        except ValueError:
            self._answer(HTTPStatus.BAD_REQUEST, {"message": "not JSON"})
            return
        self.server.record(phone, push if isinstance(push, dict) else {})
        self._answer(HTTPStatus.CREATED, {})

    def do_GET(self) -> None:
        """Return every push received so far."""
        if self.path != "/pushes":
            self._answer(HTTPStatus.NOT_FOUND, {"message": "unknown path"})
            return
        with self.server.lock:
            self._answer(HTTPStatus.OK, list(self.server.pushes))

    def _answer(self, status: HTTPStatus, body: Any) -> None:
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Stay quiet: each push is printed once, readably."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def serve(args: argparse.Namespace) -> int:
    """Receive pushes until stopped, or until --watch-pid ends."""
    log = Path(args.log) if args.log else None
    receiver = Receiver((args.host, args.port), log)
    if args.watch_pid is not None:

        def watch() -> None:
            while _alive(args.watch_pid):
                time.sleep(0.5)
            receiver.shutdown()

        threading.Thread(target=watch, daemon=True).start()
    url = f"http://{args.host}:{receiver.server_port}{PUSH_PATH}"
    print(f"Stand-in phones listening on {url}", flush=True)
    try:
        receiver.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        receiver.server_close()
    return 0


def tap(args: argparse.Namespace) -> int:
    """Tap a notification button on a phone, as its companion app would."""
    phones = json.loads((Path(args.config) / PHONES_FILE).read_text(encoding="utf-8"))
    phone = phones.get(args.phone)
    if phone is None:
        print(f"No phone {args.phone!r}; known: {', '.join(phones)}", file=sys.stderr)
        return 1
    event_data = {"action": args.action}
    if args.reply is not None:
        event_data["reply_text"] = args.reply
    body = {
        "type": "fire_event",
        "data": {"event_type": ACTION_EVENT, "event_data": event_data},
    }
    request = urllib.request.Request(
        f"{args.url.rstrip('/')}/api/webhook/{phone['webhook_id']}",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        print(f"{args.phone} tapped {args.action}: HTTP {response.status}")
    return 0


def main() -> int:
    """Receive pushes (default), or tap a button with ``tap``."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--log", help="append every push to this file")
    parser.add_argument(
        "--watch-pid", type=int, help="stop when this process (Home Assistant) ends"
    )
    commands = parser.add_subparsers(dest="command")
    tapping = commands.add_parser("tap", help="tap a notification button")
    tapping.add_argument("phone", help='the phone\'s name, e.g. "Alex phone"')
    tapping.add_argument("action", help="the button's action id, as printed")
    tapping.add_argument("--reply", help="the text typed into a text reply")
    tapping.add_argument("--url", default="http://127.0.0.1:8123")
    tapping.add_argument("--config", default=str(DEFAULT_CONFIG))
    args = parser.parse_args()
    return tap(args) if args.command == "tap" else serve(args)


if __name__ == "__main__":
    sys.exit(main())
