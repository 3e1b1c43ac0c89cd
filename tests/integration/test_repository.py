"""Repository rules a reviewer checks by hand: translations, manifest, hacs.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.util.yaml import load_yaml_dict

from custom_components.microdose_together.dialogue_actions import (
    CONVERSATION_SERVICES,
)
from custom_components.microdose_together.insight_actions import INSIGHT_SERVICES
from custom_components.microdose_together.partner_message import MESSAGE_SERVICES
from custom_components.microdose_together.services import SERVICES

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "custom_components" / "microdose_together"
HACS_KEYS = {
    "name",
    "content_in_root",
    "zip_release",
    "filename",
    "hide_default_branch",
    "country",
    "homeassistant",
    "hacs",
    "persistent_directory",
    "render_readme",
}


def _keys(data: dict[str, Any], prefix: str = "") -> set[str]:
    keys: set[str] = set()
    for key, value in data.items():
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
        else:
            keys.add(f"{prefix}{key}")
    return keys


def _json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_translations_have_the_same_keys() -> None:
    """Finnish and English say the same things."""
    en = _keys(_json(PACKAGE / "translations" / "en.json"))
    fi = _keys(_json(PACKAGE / "translations" / "fi.json"))
    assert en - fi == set()
    assert fi - en == set()


def test_manifest_key_order() -> None:
    """domain, name, then alphabetical, with the keys HACS needs."""
    manifest = _json(PACKAGE / "manifest.json")
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    for needed in (
        "version",
        "iot_class",
        "integration_type",
        "codeowners",
        "documentation",
        "issue_tracker",
        "config_flow",
    ):
        assert needed in manifest


def test_hacs_json_holds_only_documented_keys() -> None:
    """hacs.json names the floor release and nothing HACS does not know."""
    hacs = _json(ROOT / "hacs.json")
    assert set(hacs) <= HACS_KEYS
    assert hacs["homeassistant"] == "2025.4.0"


def test_brand_images_exist() -> None:
    """HACS and the integration page show our own icon and logo."""
    for name in ("icon.png", "logo.png"):
        data = (PACKAGE / "brand" / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_action_is_described_and_translated() -> None:
    """Each registered action has services.yaml fields, names and an icon."""
    described = load_yaml_dict(str(PACKAGE / "services.yaml"))
    registered = (
        set(SERVICES)
        | set(CONVERSATION_SERVICES)
        | set(MESSAGE_SERVICES)
        | set(INSIGHT_SERVICES)
    )
    assert set(described) == registered
    icons = _json(PACKAGE / "icons.json")["services"]
    for language in ("en", "fi"):
        services = _json(PACKAGE / "translations" / f"{language}.json")["services"]
        assert set(services) == registered
        for name, spec in described.items():
            assert set(spec["fields"]) == set(services[name]["fields"]), name
            assert name in icons


def test_a_couple_is_added_as_a_couple() -> None:
    """The integration page does not call a couple a "service".

    Home Assistant labels the entries and the add button by `integration_type`:
    "service" read "Services" and "Add service". A couple is an entry point for
    its own device and each partner's, so "hub" ("Hubs", "Add hub" on 2025.4);
    newer frontends (2026.10) label the button with the flow's own
    `initiate_flow` words instead: "Add a couple".
    """
    manifest = _json(PACKAGE / "manifest.json")
    assert manifest["integration_type"] == "hub"
    for language, words in (("en", "Add a couple"), ("fi", "Lisää pari")):
        strings = _json(PACKAGE / "translations" / f"{language}.json")
        assert strings["config"]["initiate_flow"]["user"] == words
