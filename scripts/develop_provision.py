"""Provision the development home once Home Assistant answers.

Completes onboarding through Home Assistant's own onboarding API, confirms the
HTTP settings of configuration.yaml where Home Assistant asks to, adds the demo
couple "Alex & Sam" through the config-flow API with the stand-in phones, sets
their evening ritual to the demo lights and a demo media player, and prints the
login. Safe to run again: a finished step is recognised and skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
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

COUPLE = {
    "couple_name": "Alex & Sam",
    "partner_1_name": "Alex",
    "partner_1_notify": "notify.mobile_app_alex_phone",
    "partner_2_name": "Sam",
    "partner_2_notify": "notify.mobile_app_sam_phone",
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
# A first check-in each, so the mood and connection graphs have a start.
CHECK_INS = (
    {"partner": "1", "mood": 4, "connection": 4, "stress": 2},
    {"partner": "2", "mood": 3, "connection": 4, "stress": 2},
)
# Onboarding sets these up; they need the internet, which a demo home lacks.
OFFLINE_UNFRIENDLY = ("met", "radio_browser")
COUPLE_ENTITY = "sensor.alex_sam_phase"


class ProvisionError(Exception):
    """A step could not be completed."""


class HomeAssistantApi:
    """The few REST calls provisioning needs."""

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

    def wait_until(self, what: str, check: Any, timeout: float) -> Any:
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

    def log_in(self) -> None:
        """Log in as the demo user through the login flow."""
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
            {"username": USERNAME, "password": PASSWORD, "client_id": self.client_id},
        )
        if result.get("type") != "create_entry":
            raise ProvisionError(
                f"the demo login ({USERNAME}) no longer works; "
                "add the couple in Settings > Devices & services"
            )
        self.exchange_code(result["result"])

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
    import aiohttp  # noqa: PLC0415 - Home Assistant's own; only this step needs it

    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(api.url + "/api/websocket", timeout=30) as socket,
    ):
        await socket.receive_json()  # auth_required
        await socket.send_json({"type": "auth", "access_token": api.token})
        if (await socket.receive_json()).get("type") != "auth_ok":
            raise ProvisionError("the websocket refused the demo login")
        await socket.send_json({"id": 1, "type": "http/config"})
        answer = await socket.receive_json()
        if not answer.get("success"):
            return "kept (this release reads them from configuration.yaml)"
        if answer["result"].get("active_config_type") != "pending":
            return "kept"
        await socket.send_json({"id": 2, "type": "http/config/promote"})
        answer = await socket.receive_json()
        if not answer.get("success"):
            raise ProvisionError(f"the HTTP settings could not be confirmed: {answer}")
        return "confirmed"


def keep_http_settings(api: HomeAssistantApi) -> str:
    """Confirm configuration.yaml's HTTP settings where Home Assistant asks to.

    From 2026 Home Assistant moves them into its storage as a trial, shows a
    "Confirm new HTTP server configuration" dialog, and goes back to the
    default port after a few minutes unless someone confirms; a demo home is
    meant to stay where configuration.yaml puts it.
    """
    return asyncio.run(_keep_http_settings(api))


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
    """Point the ritual at the demo lights and player; say what happened."""
    base = "/api/config/config_entries/options/flow"
    _, menu = api.request("POST", base, {"handler": entry_id})
    flow_id = menu["flow_id"]
    if "ritual" not in (menu.get("menu_options") or []):
        api.request("DELETE", f"{base}/{flow_id}")
        return "skipped (this version has no ritual options yet)"
    _, form = api.request("POST", f"{base}/{flow_id}", {"next_step_id": "ritual"})
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
    """Give the new couple an intention and a first check-in each."""
    calls = [
        (
            "text",
            "set_value",
            {"entity_id": "text.alex_sam_shared_intention", "value": INTENTION},
        ),
        *(
            (DOMAIN, "check_in", {"config_entry_id": entry_id, **check_in})
            for check_in in CHECK_INS
        ),
    ]
    api.wait_until("the couple's entities", lambda: api.state(COUPLE_ENTITY), 30)
    for domain, service, data in calls:
        # A call while the couple (re)loads is tried again.
        api.wait_until(
            f"{domain}.{service} to be accepted",
            lambda domain=domain, service=service, data=data: (
                api.call(domain, service, data) or True
            ),
            30,
        )


def provision(api: HomeAssistantApi, *, seed_data: bool) -> None:
    """Run every step that is not done yet, and report."""
    api.wait_for_http(timeout=300)
    created_user = onboard(api)
    if api.token is None:
        api.log_in()
    wait_until_running(api, timeout=300)
    print(f"HTTP settings {keep_http_settings(api)}.")
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
    if created_user:
        print(
            f"\n  Demo home ready at {api.url}\n"
            f"  Log in as {USERNAME} / {PASSWORD}\n"
            f"  Dashboard: {api.url}/microdose-together\n"
        )
    sys.stdout.flush()


def main() -> int:
    """Provision the home at --url."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8123")
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
        provision(api, seed_data=not args.no_seed)
    except ProvisionError as err:
        if args.watch_pid is not None and not _alive(args.watch_pid):
            return 0
        print(f"Could not finish the demo home: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
