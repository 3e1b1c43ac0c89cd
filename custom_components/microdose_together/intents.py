"""Voice: Assist starts or ends the ritual, pauses, logs a dose, tells the day.

Each intent runs the couple's own action as the speaking user, so the same
identity rules and refusals apply as in an automation or the panel. The
couple is the one the speaking user belongs to. A request with no user (an
automation) acts for the couple only when there is exactly one, as the
actions let automations do; logging "my" dose always needs a partner's user.
The day's answer names the phase, the next dose day, whether it is calm and
who has checked in: never a note, an answer or a score.
"""

from __future__ import annotations

from typing import Any, ClassVar

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, intent
import voluptuous as vol

from .const import ATTR_CONFIG_ENTRY_ID, ATTR_PARTNER, DOMAIN
from .coordinator import MicrodoseConfigEntry, MicrodoseCoordinator
from .identity import ensure_in_couple
from .ritual_presets import JOURNALING, WALK, is_custom
from .services import (
    ATTR_PRESET,
    SERVICE_END_RITUAL,
    SERVICE_LOG_DOSE,
    SERVICE_PAUSE_PROTOCOL,
    SERVICE_START_RITUAL,
)
from .voice_text import (
    VoiceRefusalError,
    async_refusal_text,
    async_voice_strings,
    spoken_day,
)

INTENT_START_RITUAL = "MicrodoseStartRitual"
INTENT_END_RITUAL = "MicrodoseEndRitual"
INTENT_HOW_ARE_WE = "MicrodoseHowAreWe"
INTENT_PAUSE_PROTOCOL = "MicrodosePauseProtocol"
INTENT_LOG_MY_DOSE = "MicrodoseLogMyDose"
# The ritual preset a sentence names ("let's journal", or a preset's own name
# through a wildcard); none is the evening ritual.
SLOT_PRESET = "preset"
# Presets with words of their own when they start.
VOICED_PRESETS = (JOURNALING, WALK)


def speakers_couple(hass: HomeAssistant, context: Context) -> MicrodoseCoordinator:
    """Return the couple of the speaking user, or refuse as the actions do."""
    entries: list[MicrodoseConfigEntry] = [
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.state is ConfigEntryState.LOADED
    ]
    couples = [entry.runtime_data for entry in entries]
    if not couples:
        raise VoiceRefusalError("no_couple")
    for couple in couples:
        if couple.settings.slot_of_user(context.user_id) is not None:
            return couple
    if len(couples) > 1:
        raise VoiceRefusalError(
            "which_couple" if context.user_id is None else "not_in_any_couple"
        )
    ensure_in_couple(couples[0].settings, context)
    return couples[0]


class _CoupleIntent(intent.IntentHandler):
    """Find the speaker's couple, act, and speak the outcome or the refusal."""

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """Answer in the request's language; a refusal changes nothing."""
        response = intent_obj.create_response()
        hass, language = intent_obj.hass, intent_obj.language
        try:
            couple = speakers_couple(hass, intent_obj.context)
            slots = {
                name: str(slot["value"])
                for name, slot in intent_obj.slots.items()
                if isinstance(slot, dict) and "value" in slot
            }
            speech = await self._async_act(couple, intent_obj.context, language, slots)
        except (HomeAssistantError, VoiceRefusalError) as err:
            response.async_set_error(
                intent.IntentResponseErrorCode.FAILED_TO_HANDLE,
                await async_refusal_text(hass, language, err),
            )
            return response
        response.async_set_speech(speech)
        return response

    async def _async_act(
        self,
        couple: MicrodoseCoordinator,
        context: Context,
        language: str,
        slots: dict[str, str],
    ) -> str:
        raise NotImplementedError


class _ActionIntent(_CoupleIntent):
    """Run one of the couple's actions as the speaker and say what it did."""

    service: str
    spoken: str
    responds = False  # whether the action answers with what it did

    async def _async_act(
        self,
        couple: MicrodoseCoordinator,
        context: Context,
        language: str,
        slots: dict[str, str],
    ) -> str:
        answer = await couple.hass.services.async_call(
            DOMAIN,
            self.service,
            {ATTR_CONFIG_ENTRY_ID: couple.config_entry.entry_id, **self._data(slots)},
            blocking=True,
            context=context,
            return_response=self.responds,
        )
        strings = await async_voice_strings(couple.hass, language)
        return self._speech(couple, strings, answer or {})

    def _data(self, slots: dict[str, str]) -> dict[str, Any]:
        """Return what the sentence adds to the action (a preset)."""
        return {}

    def _speech(
        self, couple: MicrodoseCoordinator, strings: dict[str, str], answer: Any
    ) -> str:
        """Return the words for what the action did."""
        return strings[self.spoken]


class StartRitualIntent(_ActionIntent):
    """Start our evening ritual, or another preset: "let's journal"."""

    intent_type = INTENT_START_RITUAL
    description = "Starts one of the couple's rituals: the evening ritual by default"
    slot_schema: ClassVar[dict[Any, Any]] = {vol.Optional(SLOT_PRESET): cv.string}
    service = SERVICE_START_RITUAL
    spoken = "ritual_started"
    responds = True

    def _data(self, slots: dict[str, str]) -> dict[str, Any]:
        preset = slots.get(SLOT_PRESET, "").strip(" .!?")
        return {ATTR_PRESET: preset} if preset else {}

    def _speech(
        self, couple: MicrodoseCoordinator, strings: dict[str, str], answer: Any
    ) -> str:
        """Name the moment that started; one already running is not replaced."""
        if not answer.get("started"):
            return strings["ritual_already_running"]
        preset = answer["preset"]
        if preset in VOICED_PRESETS:
            return strings[f"ritual_started_{preset}"]
        if is_custom(preset):
            name = couple.ritual_presets[preset].name
            return strings["ritual_started_named"].format(preset_name=name)
        return strings[self.spoken]


class EndRitualIntent(_ActionIntent):
    """End our ritual, whichever preset runs: the room goes back as it was."""

    intent_type = INTENT_END_RITUAL
    description = "Ends the couple's running ritual, whichever preset it is"
    service = SERVICE_END_RITUAL
    spoken = "ritual_ended"
    responds = True

    def _speech(
        self, couple: MicrodoseCoordinator, strings: dict[str, str], answer: Any
    ) -> str:
        """Say so when there was no ritual to end."""
        return strings[self.spoken if answer.get("ended") else "ritual_not_running"]


class PauseProtocolIntent(_ActionIntent):
    """Pause our protocol: the schedule stands still until resumed."""

    intent_type = INTENT_PAUSE_PROTOCOL
    description = "Pauses the couple's microdosing protocol"
    service = SERVICE_PAUSE_PROTOCOL
    spoken = "protocol_paused"


class LogMyDoseIntent(_CoupleIntent):
    """Log my dose: for the speaking partner only, never for someone else."""

    intent_type = INTENT_LOG_MY_DOSE
    description = "Logs today's dose for the partner who is speaking"

    async def _async_act(
        self,
        couple: MicrodoseCoordinator,
        context: Context,
        language: str,
        slots: dict[str, str],
    ) -> str:
        slot = couple.settings.slot_of_user(context.user_id)
        if slot is None:  # an automation: whose dose would it be?
            raise VoiceRefusalError("dose_needs_partner")
        await couple.hass.services.async_call(
            DOMAIN,
            SERVICE_LOG_DOSE,
            {ATTR_CONFIG_ENTRY_ID: couple.config_entry.entry_id, ATTR_PARTNER: slot},
            blocking=True,
            context=context,
        )
        strings = await async_voice_strings(couple.hass, language)
        return strings["dose_logged"].format(
            partner_name=couple.settings.partner(slot).name
        )


class HowAreWeIntent(_CoupleIntent):
    """How are we doing today: phase, next dose day, calm, who checked in."""

    intent_type = INTENT_HOW_ARE_WE
    description = "Tells the couple's day: phase, next dose, calm and check-ins"

    async def _async_act(
        self,
        couple: MicrodoseCoordinator,
        context: Context,
        language: str,
        slots: dict[str, str],
    ) -> str:
        strings = await async_voice_strings(couple.hass, language)
        today = couple.data
        parts = [strings[f"phase_{today.phase}"]]
        if today.next_dose is None:
            parts.append(strings["no_next_dose"])
        else:
            when = spoken_day(strings, today.next_dose, today.today)
            parts.append(strings["next_dose"].format(when=when))
        if today.calm is not None:
            parts.append(strings["calm" if today.calm.calm else "not_calm"])
        checkins = couple.conversation.checkins
        for partner in couple.settings.partners:
            key = (
                "checked_in"
                if checkins.checked_in(partner.slot, today.today)
                else "not_checked_in"
            )
            parts.append(strings[key].format(partner_name=partner.name))
        return " ".join(parts)


@callback
def async_setup_intents(hass: HomeAssistant) -> None:
    """Register the voice intents once, for every couple."""
    for handler in (
        StartRitualIntent(),
        EndRitualIntent(),
        HowAreWeIntent(),
        PauseProtocolIntent(),
        LogMyDoseIntent(),
    ):
        intent.async_register(hass, handler)
