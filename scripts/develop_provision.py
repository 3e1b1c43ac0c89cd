"""Provision the development home once Home Assistant answers.

Completes onboarding through Home Assistant's own onboarding API, confirms the
HTTP settings of configuration.yaml where Home Assistant asks to, adds the
partners as Home Assistant users (Alex and Sam, and Kim and Noa free for a
second couple) with a person each, registers a companion-app phone for each of
them whose pushes go to the stand-in receiver (phone_standin.py), adds the demo
couple "Alex & Sam" through the config-flow API, sets their evening ritual to
the demo lights and a demo media player, and prints the logins. Safe to run
again: a finished step is recognised and skipped.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
import http.client
import json
import os
from pathlib import Path
import sys
import time
from typing import Any
import urllib.error
import urllib.parse
import urllib.request

DOMAIN = "microdose_together"
USERNAME = "demo"
PASSWORD = "microdose-demo"  # noqa: S105 - the demo home's published login
USER_DISPLAY_NAME = "Demo"
CONFIG = Path(__file__).resolve().parents[1] / "config"
PHONES_FILE = "phones.json"  # each phone's webhook id, for tapping its buttons


@dataclass(frozen=True)
class Partner:
    """A demo partner: a Home Assistant user with a person and a phone."""

    name: str

    @property
    def username(self) -> str:
        """Return the login name, e.g. ``alex``."""
        return self.name.lower()

    @property
    def person(self) -> str:
        """Return the person entity, e.g. ``person.alex``."""
        return f"person.{self.username}"

    @property
    def phone(self) -> str:
        """Return the phone's device name, e.g. ``Alex phone``."""
        return f"{self.name} phone"

    @property
    def notify(self) -> str:
        """Return the phone's notify action, e.g. ``notify.mobile_app_alex_phone``."""
        return f"notify.mobile_app_{self.username}_phone"


# Alex and Sam are the demo couple; Kim and Noa are free for a second couple.
PARTNERS = (Partner("Alex"), Partner("Sam"), Partner("Kim"), Partner("Noa"))
ALEX, SAM = PARTNERS[:2]
PARTNER_PASSWORD = PASSWORD  # every demo login shares the published password
PARTNER_GROUP = "system-users"  # not administrators

COUPLE = {
    "couple_name": "Alex & Sam",
    "partner_1_name": ALEX.name,
    "partner_1_person": ALEX.person,
    "partner_2_name": SAM.name,
    "partner_2_person": SAM.person,
}
PROTOCOL = {
    "preset": "fadiman",
    "weeks_on": 4,
    "weeks_off": 2,
    "form": "dried",
    "starting_amount": 0.1,
}
SAFETY = {
    "partner_1_no_history": True,
    "partner_2_no_history": True,
    "not_medical_advice": True,
}
RITUAL = {
    "ritual_lights": ["light.living_room_rgbww_lights", "light.ceiling_lights"],
    "ritual_brightness": 25,
    "ritual_color_temp_kelvin": 2200,
    "ritual_transition": 5,
    "ritual_media_player": "media_player.living_room",
    "ritual_media_content_id": "evening_calm",
    "ritual_media_content_type": "playlist",
    "ritual_volume": 0.3,
    "ritual_shuffle": True,
    "ritual_send_prompt": True,
    "ritual_auto_end": 0,
}
INTENTION = "listen more than we talk"
# A first check-in each, made by that partner, so the graphs have a start.
CHECK_INS = (
    (ALEX, {"partner": "1", "mood": 4, "connection": 4, "stress": 2}),
    (SAM, {"partner": "2", "mood": 3, "connection": 4, "stress": 2}),
)
# Onboarding sets these up; they need the internet, which a demo home lacks.
OFFLINE_UNFRIENDLY = ("met", "radio_browser")
COUPLE_ENTITY = "sensor.alex_sam_phase"


class ProvisionError(Exception):
    """A step could not be completed."""


class HomeAssistantApi:
    """The few REST and websocket calls provisioning needs."""

    def __init__(self, url: str, watch_pid: int | None) -> None:
        """Talk to the Home Assistant at ``url``."""
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.token: str | None = None
        self.watch_pid = watch_pid

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        form: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201),
    ) -> tuple[int, Any]:
        """Send one request; return the status and the decoded JSON body."""
        headers = {"Content-Type": "application/json"}
        data = None
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif body is not None:
            data = json.dumps(body).encode()
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        req = urllib.request.Request(
            self.url + path, data=data, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as err:
            status, raw = err.code, err.read()
        try:
            payload = json.loads(raw) if raw else None
        except ValueError:
            payload = raw.decode(errors="replace")
        if status not in ok:
            raise ProvisionError(f"{method} {path} answered {status}: {payload}")
        return status, payload

    def wait_until(self, what: str, check: Callable[[], Any], timeout: float) -> Any:
        """Poll ``check`` until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while True:
            if self.watch_pid is not None and not _alive(self.watch_pid):
                raise ProvisionError("Home Assistant stopped")
            try:
                if result := check():
                    return result
            except (OSError, http.client.HTTPException, ProvisionError):
                pass
            if time.monotonic() > deadline:
                raise ProvisionError(f"gave up waiting for {what}")
            time.sleep(0.5)

    def wait_for_http(self, timeout: float) -> None:
        """Wait until the web server answers."""
        self.wait_until(
            "the web server",
            lambda: self.request("GET", "/manifest.json")[0] == 200,
            timeout,
        )

    def exchange_code(self, code: str) -> None:
        """Turn an authorisation code into an access token."""
        _, tokens = self.request(
            "POST",
            "/auth/token",
            form={
                "grant_type": "authorization_code",
                "code": code,
                "client_id": self.client_id,
            },
        )
        self.token = tokens["access_token"]

    def log_in(self, username: str = USERNAME, password: str = PASSWORD) -> None:
        """Log in through the login flow, as the demo user unless told otherwise."""
        _, flow = self.request(
            "POST",
            "/auth/login_flow",
            {
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": self.client_id,
            },
        )
        _, result = self.request(
            "POST",
            f"/auth/login_flow/{flow['flow_id']}",
            {"username": username, "password": password, "client_id": self.client_id},
        )
        if result.get("type") != "create_entry":
            raise ProvisionError(
                f"the demo login ({username}) no longer works; "
                "add the couple in Settings > Devices & services"
            )
        self.exchange_code(result["result"])

    def as_user(self, username: str, password: str) -> HomeAssistantApi:
        """Return a session of its own, logged in as another user."""
        session = HomeAssistantApi(self.url, self.watch_pid)
        session.log_in(username, password)
        return session

    def entries(self, domain: str) -> list[dict[str, Any]]:
        """Return the config entries of one integration."""
        _, entries = self.request(
            "GET", f"/api/config/config_entries/entry?domain={domain}"
        )
        return list(entries)

    def state(self, entity_id: str) -> dict[str, Any] | None:
        """Return an entity's state, or None when it does not exist."""
        status, state = self.request("GET", f"/api/states/{entity_id}", ok=(200, 404))
        return state if status == 200 else None

    def call(self, domain: str, service: str, data: dict[str, Any]) -> None:
        """Call an action."""
        self.request("POST", f"/api/services/{domain}/{service}", data)

    def actions(self, domain: str) -> set[str]:
        """Return the actions of one domain, e.g. ``notify.mobile_app_alex_phone``."""
        _, domains = self.request("GET", "/api/services")
        return {
            f"{domain}.{name}"
            for item in domains
            if item["domain"] == domain
            for name in item["services"]
        }

    @asynccontextmanager
    async def socket(self) -> AsyncIterator[Socket]:
        """Open an authenticated websocket."""
        import aiohttp  # noqa: PLC0415 - Home Assistant's own; only sockets need it

        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(
                self.url + "/api/websocket",
                timeout=aiohttp.ClientWSTimeout(ws_close=30),
            ) as ws,
        ):
            await ws.receive_json()  # auth_required
            await ws.send_json({"type": "auth", "access_token": self.token})
            if (await ws.receive_json()).get("type") != "auth_ok":
                raise ProvisionError("the websocket refused the login")
            yield Socket(ws)


class Socket:
    """One websocket connection: a command, its answer."""

    def __init__(self, ws: Any) -> None:
        """Use an authenticated aiohttp websocket."""
        self._ws = ws
        self._id = 0

    async def send(self, command: str, **fields: Any) -> dict[str, Any]:
        """Send a command; return the whole answer, success or not."""
        self._id += 1
        await self._ws.send_json({"id": self._id, "type": command, **fields})
        while True:
            answer: dict[str, Any] = await self._ws.receive_json()
            if answer.get("id") == self._id:
                return answer

    async def receive(self) -> dict[str, Any]:
        """Return the next message, e.g. an event of a subscription."""
        message: dict[str, Any] = await self._ws.receive_json()
        return message

    async def call(self, command: str, **fields: Any) -> Any:
        """Send a command that must succeed; return its result."""
        answer = await self.send(command, **fields)
        if not answer.get("success"):
            raise ProvisionError(f"{command} failed: {answer.get('error')}")
        return answer.get("result")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def onboard(api: HomeAssistantApi) -> bool:
    """Finish onboarding; return True when this run created the demo user."""
    status, steps = api.request("GET", "/api/onboarding", ok=(200, 404))
    done = {step["step"] for step in steps if step["done"]} if status == 200 else None
    if done is None or {"user", "core_config", "analytics", "integration"} <= done:
        return False
    created = False
    if "user" not in done:
        _, result = api.request(
            "POST",
            "/api/onboarding/users",
            {
                "client_id": api.client_id,
                "name": USER_DISPLAY_NAME,
                "username": USERNAME,
                "password": PASSWORD,
                "language": "en",
            },
        )
        api.exchange_code(result["auth_code"])
        created = True
    else:
        api.log_in()
    if "core_config" not in done:
        api.request("POST", "/api/onboarding/core_config", {})
        _remove_offline_unfriendly(api)
    if "analytics" not in done:
        api.request("POST", "/api/onboarding/analytics", {})
    if "integration" not in done:
        api.request(
            "POST",
            "/api/onboarding/integration",
            {"client_id": api.client_id, "redirect_uri": api.client_id},
        )
    return created


def _remove_offline_unfriendly(api: HomeAssistantApi) -> None:
    """Delete the onboarding integrations that need the internet."""

    def found() -> list[dict[str, Any]] | None:
        entries = [e for d in OFFLINE_UNFRIENDLY for e in api.entries(d)]
        return entries if len(entries) >= len(OFFLINE_UNFRIENDLY) else None

    try:
        entries = api.wait_until("onboarding integrations", found, 15)
    except ProvisionError:
        entries = [e for d in OFFLINE_UNFRIENDLY for e in api.entries(d)]
    for entry in entries:
        api.request("DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}")


def wait_until_running(api: HomeAssistantApi, timeout: float) -> None:
    """Wait until Home Assistant has finished starting."""
    api.wait_until(
        "Home Assistant to finish starting",
        lambda: api.request("GET", "/api/config")[1].get("state") == "RUNNING",
        timeout,
    )


async def _keep_http_settings(api: HomeAssistantApi) -> str:
    async with api.socket() as socket:
        answer = await socket.send("http/config")
        if not answer.get("success"):
            return "kept (this release reads them from configuration.yaml)"
        if answer["result"].get("active_config_type") != "pending":
            return "kept"
        await socket.call("http/config/promote")
        return "confirmed"


def keep_http_settings(api: HomeAssistantApi) -> str:
    """Confirm configuration.yaml's HTTP settings where Home Assistant asks to.

    From 2026 Home Assistant moves them into its storage as a trial, shows a
    "Confirm new HTTP server configuration" dialog, and goes back to the
    default port after a few minutes unless someone confirms; a demo home is
    meant to stay where configuration.yaml puts it.
    """
    return asyncio.run(_keep_http_settings(api))


async def _add_people(api: HomeAssistantApi) -> list[str]:
    added = []
    async with api.socket() as socket:
        users = {
            user["username"]: user
            for user in await socket.call("config/auth/list")
            if user.get("username")
        }
        people = await socket.call("person/list")
        linked = {person.get("user_id") for kind in people.values() for person in kind}
        for partner in PARTNERS:
            user = users.get(partner.username)
            if user is None:
                created = await socket.call(
                    "config/auth/create", name=partner.name, group_ids=[PARTNER_GROUP]
                )
                user = created["user"]
                await socket.call(
                    "config/auth_provider/homeassistant/create",
                    user_id=user["id"],
                    username=partner.username,
                    password=PARTNER_PASSWORD,
                )
                added.append(partner.name)
            if user["id"] not in linked:
                await socket.call(
                    "person/create", name=partner.name, user_id=user["id"]
                )
    return added


def add_people(api: HomeAssistantApi) -> list[str]:
    """Make each partner a user who is not an administrator, with a person.

    Return the names of the users this run created. A person is what the
    couple's setup asks for; its user is whom the messages belong to.
    """
    added = asyncio.run(_add_people(api))
    for partner in PARTNERS:
        api.wait_until(
            f"{partner.person} to be linked to its user",
            lambda partner=partner: (
                (api.state(partner.person) or {}).get("attributes") or {}
            ).get("user_id"),
            30,
        )
    return added


def registration(partner: Partner, push_url: str) -> dict[str, Any]:
    """Return what a companion app sends when it registers a phone."""
    return {
        "app_id": "io.microdose_together.standin",
        "app_name": "Stand-in phone",
        "app_version": "1.0",
        "device_name": partner.phone,
        "device_id": f"standin-{partner.username}",
        "manufacturer": "Microdose Together",
        "model": "Stand-in phone",
        "os_name": "Stand-in",
        "os_version": "1.0",
        "supports_encryption": False,
        "app_data": {"push_token": f"standin-{partner.username}", "push_url": push_url},
    }


def push_url_of(phones_url: str, partner: Partner) -> str:
    """Return where a phone's pushes go: the receiver, by phone name."""
    return f"{phones_url.rstrip('/')}/{urllib.parse.quote(partner.phone)}"


def add_phones(api: HomeAssistantApi, phones_url: str, config: Path) -> None:
    """Register each partner's phone as that partner, like the companion app.

    The registration is made with the partner's own login, so Home Assistant
    files the phone under their user; its pushes go to the stand-in receiver.
    Each phone's webhook id is saved in config/phones.json: a tap on a
    notification button is a ``fire_event`` to that webhook.
    """
    path = config / PHONES_FILE
    saved: dict[str, dict[str, str]] = (
        json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    )
    registered = {entry["title"]: entry for entry in api.entries("mobile_app")}
    for partner in PARTNERS:
        push_url = push_url_of(phones_url, partner)
        known = saved.get(partner.phone)
        entry = registered.get(partner.phone)
        if known and entry:
            if known["push_url"] != push_url:
                _point_phone_at(api, partner, known["webhook_id"], push_url)
                known["push_url"] = push_url
            continue
        if entry:  # registered, but its webhook id is lost: register anew
            api.request(
                "DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}"
            )
        owner = api.as_user(partner.username, PARTNER_PASSWORD)
        _, answer = owner.request(
            "POST", "/api/mobile_app/registrations", registration(partner, push_url)
        )
        saved[partner.phone] = {
            "user": partner.username,
            "notify": partner.notify,
            "webhook_id": answer["webhook_id"],
            "push_url": push_url,
        }
    path.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")
    path.chmod(0o600)
    wanted = {partner.notify for partner in PARTNERS}
    api.wait_until(
        "the phones' notify actions", lambda: wanted <= api.actions("notify"), 30
    )


def _point_phone_at(
    api: HomeAssistantApi, partner: Partner, webhook_id: str, push_url: str
) -> None:
    """Send a phone's pushes to the receiver's new address, as the app would."""
    details = registration(partner, push_url)
    api.request(
        "POST",
        f"/api/webhook/{webhook_id}",
        {
            "type": "update_registration",
            "data": {
                key: details[key]
                for key in (
                    "app_data",
                    "app_version",
                    "device_name",
                    "manufacturer",
                    "model",
                    "os_version",
                )
            },
        },
    )


def add_couple(api: HomeAssistantApi) -> str:
    """Add Alex & Sam through the config flow; return the entry id."""
    _, step = api.request(
        "POST",
        "/api/config/config_entries/flow",
        {"handler": DOMAIN, "show_advanced_options": False},
    )
    answers = {"user": COUPLE, "protocol": PROTOCOL, "safety": SAFETY}
    while step["type"] == "form":
        step_id = step["step_id"]
        if step_id not in answers:
            raise ProvisionError(f"the setup asked an unexpected step: {step_id}")
        user_input = dict(answers[step_id])
        if step_id == "protocol":
            user_input["start_date"] = _field_default(step, "start_date")
        _, step = api.request(
            "POST", f"/api/config/config_entries/flow/{step['flow_id']}", user_input
        )
        if step.get("errors"):
            raise ProvisionError(f"setup step {step_id} refused: {step['errors']}")
    if step["type"] != "create_entry":
        raise ProvisionError(f"setup ended with {step['type']}: {step.get('reason')}")
    return str(step["result"]["entry_id"])


def _field_default(step: dict[str, Any], name: str) -> Any:
    for field in step.get("data_schema", []):
        if field.get("name") == name:
            return field.get("default")
    raise ProvisionError(f"the {step['step_id']} step has no field {name}")


def set_ritual(api: HomeAssistantApi, entry_id: str) -> str:
    """Point the ritual at the demo lights and player; say what happened.

    The journaling and walk presets start from these lights and player.
    """
    base = "/api/config/config_entries/options/flow"
    _, menu = api.request("POST", base, {"handler": entry_id})
    flow_id = menu["flow_id"]
    if "ritual" not in (menu.get("menu_options") or []):
        api.request("DELETE", f"{base}/{flow_id}")
        return "skipped (this version has no ritual options yet)"
    _, form = api.request("POST", f"{base}/{flow_id}", {"next_step_id": "ritual"})
    if form.get("step_id") == "ritual" and any(
        field.get("name") == "ritual_preset" for field in form.get("data_schema", [])
    ):  # the ritual section starts with the choice of preset
        _, form = api.request(
            "POST", f"{base}/{flow_id}", {"ritual_preset": "conversation"}
        )
    lights = next(
        (
            (field.get("description") or {}).get("suggested_value")
            for field in form.get("data_schema", [])
            if field.get("name") == "ritual_lights"
        ),
        None,
    )
    if lights:
        api.request("DELETE", f"{base}/{flow_id}")
        return "kept as it is"
    _, result = api.request("POST", f"{base}/{flow_id}", RITUAL)
    if result.get("type") != "create_entry":
        raise ProvisionError(f"the ritual options were refused: {result}")
    return "set to the living-room lights and media_player.living_room"


def seed(api: HomeAssistantApi, entry_id: str) -> None:
    """Give the new couple an intention and a first check-in each.

    Each check-in is made by its own partner: nobody else may speak for them.
    """
    sessions = {
        partner: api.as_user(partner.username, PARTNER_PASSWORD)
        for partner in (ALEX, SAM)
    }
    calls = [
        (
            sessions[ALEX],
            "text",
            "set_value",
            {"entity_id": "text.alex_sam_shared_intention", "value": INTENTION},
        ),
        *(
            (
                sessions[partner],
                DOMAIN,
                "check_in",
                {"config_entry_id": entry_id, **data},
            )
            for partner, data in CHECK_INS
        ),
    ]
    api.wait_until("the couple's entities", lambda: api.state(COUPLE_ENTITY), 30)
    for session, domain, service, data in calls:
        # A call while the couple (re)loads is tried again.
        api.wait_until(
            f"{domain}.{service} to be accepted",
            lambda session=session, domain=domain, service=service, data=data: (
                session.call(domain, service, data) or True
            ),
            30,
        )


def logins(api: HomeAssistantApi, config: Path) -> str:
    """Return the logins, the phones and how to tap a phone's button."""
    people = ", ".join(f"{p.username} ({p.phone})" for p in PARTNERS)
    return (
        f"\n  Demo home ready at {api.url}\n"
        f"  Log in as {USERNAME} / {PASSWORD} (administrator, for Settings)\n"
        f"  Partners, password {PARTNER_PASSWORD}: {people};\n"
        f"    {ALEX.name} & {SAM.name} are the demo couple, "
        f"{PARTNERS[2].name} and {PARTNERS[3].name} are free for a second one.\n"
        f"  Dashboard, as {ALEX.username} or {SAM.username} (its buttons act for "
        f"whoever presses them): {api.url}/microdose-dashboard\n"
        f"  The couple's own panel, Together: {api.url}/microdose-together\n"
        f"  Each phone's pushes are printed here and kept in {config / 'phones.log'}.\n"
        "  To tap a button on a phone (its companion app's fire_event webhook):\n"
        f"    scripts/phone_standin.py tap 'Alex phone' '<action id>' "
        f"[--reply TEXT] --url {api.url}\n"
        f"    (POST {api.url}/api/webhook/<webhook_id from {config / PHONES_FILE}>\n"
        '     {"type": "fire_event", "data": {"event_type": '
        '"mobile_app_notification_action",\n'
        '      "event_data": {"action": "<action id>", "reply_text": "..."}}})\n'
    )


def provision(
    api: HomeAssistantApi, *, seed_data: bool, phones_url: str, config: Path
) -> None:
    """Run every step that is not done yet, and report."""
    api.wait_for_http(timeout=300)
    onboard(api)
    if api.token is None:
        api.log_in()
    wait_until_running(api, timeout=300)
    print(f"HTTP settings {keep_http_settings(api)}.")
    if added := add_people(api):
        print(f"Added the users {', '.join(added)} (not administrators).")
    add_phones(api, phones_url, config)
    entries = api.entries(DOMAIN)
    couple = next((e for e in entries if e["title"] == COUPLE["couple_name"]), None)
    if couple is None:
        entry_id = add_couple(api)
        if seed_data:
            seed(api, entry_id)
        ritual = set_ritual(api, entry_id)
        print(f"Added the couple {COUPLE['couple_name']}; ritual {ritual}.")
    else:
        ritual = set_ritual(api, couple["entry_id"])
        print(
            f"Reusing the demo home: {COUPLE['couple_name']} is already set up "
            f"(ritual {ritual})."
        )
    print(logins(api, config))
    sys.stdout.flush()


def main() -> int:
    """Provision the home at --url."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8123")
    parser.add_argument(
        "--phones-url",
        default="http://127.0.0.1:8124/push",
        help="where the stand-in receiver (phone_standin.py) takes pushes",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=CONFIG,
        help="the home's configuration folder, where phones.json is kept",
    )
    parser.add_argument(
        "--watch-pid",
        type=int,
        help="stop waiting when this process (Home Assistant) ends",
    )
    parser.add_argument(
        "--no-seed",
        action="store_true",
        help="leave the intention and check-ins empty",
    )
    args = parser.parse_args()
    api = HomeAssistantApi(args.url, args.watch_pid)
    try:
        provision(
            api,
            seed_data=not args.no_seed,
            phones_url=args.phones_url,
            config=args.config,
        )
    except ProvisionError as err:
        if args.watch_pid is not None and not _alive(args.watch_pid):
            return 0
        print(f"Could not finish the demo home: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
