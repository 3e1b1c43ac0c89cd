"""Voice: the repository's Assist sentences reach the couple's intents.

The sentences are the shipped `custom_sentences` files, copied into the test
home's config folder as a user would; every request goes through the
conversation integration's default agent, in English and in Finnish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
import shutil
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_capture_events,
)

from custom_components.microdose_together.const import DOMAIN
from custom_components.microdose_together.voice_text import (
    async_voice_strings,
    spoken_day,
)

from .conftest import ALEX_USER_ID, PRACTICE_OPTIONS, SAM_USER_ID
from .helpers import act_as, state_of

SENTENCES = Path(__file__).parents[2] / "custom_sentences"
RITUAL = "switch.alex_sam_ritual"
PAUSED = "switch.alex_sam_protocol_paused"
NOTE = "alex-voice-note-4d7e"


@pytest.fixture
async def voice(
    hass: HomeAssistant, setup_entry: MockConfigEntry, tmp_path: Path
) -> MockConfigEntry:
    """Install the shipped sentences in the home's config folder; start Assist."""
    hass.config.config_dir = str(tmp_path)
    await hass.async_add_executor_job(
        shutil.copytree, SENTENCES, hass.config.path("custom_sentences")
    )
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()
    return setup_entry


async def say(
    hass: HomeAssistant, text: str, user_id: str | None, language: str
) -> intent.IntentResponse:
    """Speak a sentence to Assist as a user (None: an automation)."""
    result = await conversation.async_converse(
        hass, text, None, Context(user_id=user_id), language
    )
    return result.response


def speech(response: intent.IntentResponse) -> str:
    """Return what Assist says back."""
    text: str = response.speech["plain"]["speech"]
    return text


async def strings(hass: HomeAssistant, language: str) -> dict[str, str]:
    """Return the voice's own sentences in a language."""
    return await async_voice_strings(hass, language)


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("en", "start our evening ritual", "end our evening ritual"),
        ("en", "let's start the ritual", "finish the ritual"),
        ("fi", "aloitetaan iltarituaali", "lopetetaan iltarituaali"),
        ("fi", "aloita meidän iltarituaali", "päätä rituaali"),
    ],
)
async def test_partner_starts_and_ends_the_ritual(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, start: str, end: str
) -> None:
    """The ritual starts and ends by voice, and Assist says so in that language."""
    said = await strings(hass, language)
    assert state_of(hass, RITUAL) == "off"

    response = await say(hass, start, ALEX_USER_ID, language)
    assert response.intent is not None
    assert response.intent.intent_type == "MicrodoseStartRitual"
    assert speech(response) == said["ritual_started"]
    assert state_of(hass, RITUAL) == "on"

    response = await say(hass, end, SAM_USER_ID, language)
    assert speech(response) == said["ritual_ended"]
    assert state_of(hass, RITUAL) == "off"


@pytest.mark.parametrize(
    ("language", "start", "preset", "end"),
    [
        ("en", "let's journal", "journaling", "stop our journaling"),
        ("en", "let's write side by side", "journaling", "end the ritual"),
        ("en", "let's go for a walk together", "walk", "finish our walk"),
        ("fi", "kirjoitetaan päiväkirjaa", "journaling", "lopetetaan kirjoittaminen"),
        ("fi", "lähdetään kävelylle", "walk", "lopeta kävely"),
    ],
)
async def test_a_sentence_starts_its_preset(
    hass: HomeAssistant,
    voice: MockConfigEntry,
    language: str,
    start: str,
    preset: str,
    end: str,
) -> None:
    """ "Let's journal" starts journaling; the words that answer name the moment."""
    said = await strings(hass, language)
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")

    response = await say(hass, start, SAM_USER_ID, language)
    assert response.intent is not None
    assert response.intent.intent_type == "MicrodoseStartRitual"
    assert speech(response) == said[f"ritual_started_{preset}"]
    assert [event.data["preset"] for event in started] == [preset]
    assert state_of(hass, RITUAL) == "on"

    response = await say(hass, end, ALEX_USER_ID, language)
    assert speech(response) == said["ritual_ended"]
    assert state_of(hass, RITUAL) == "off"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "pause our protocol"), ("fi", "keskeytetään protokolla")],
)
async def test_partner_pauses_the_protocol(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, sentence: str
) -> None:
    """Pausing by voice pauses; a second time gives the action's own refusal."""
    said = await strings(hass, language)
    response = await say(hass, sentence, SAM_USER_ID, language)
    assert speech(response) == said["protocol_paused"]
    assert state_of(hass, PAUSED) == "on"

    again = await say(hass, sentence, SAM_USER_ID, language)
    assert again.response_type is intent.IntentResponseType.ERROR
    expected = {
        "en": "The protocol is already paused.",
        "fi": "Protokolla on jo keskeytetty.",
    }
    assert speech(again) == expected[language]
    assert state_of(hass, PAUSED) == "on"


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("en", "start the sauna evening preset", "stop the sauna evening preset"),
        ("en", "begin preset Sauna Evening", "end the ritual"),
        ("fi", "aloita rituaali sauna evening", "lopeta rituaali sauna evening"),
    ],
)
async def test_a_preset_of_their_own_starts_by_its_name(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, start: str, end: str
) -> None:
    """A preset the couple added is reached by the name they gave it."""
    hass.config_entries.async_update_entry(
        voice,
        options=voice.options
        | {"ritual_presets": {"custom_1": {"ritual_name": "Sauna evening"}}},
    )
    await hass.async_block_till_done()
    said = await strings(hass, language)
    started = async_capture_events(hass, f"{DOMAIN}_ritual_started")

    response = await say(hass, start, ALEX_USER_ID, language)
    assert response.intent is not None
    assert response.intent.intent_type == "MicrodoseStartRitual"
    named = said["ritual_started_named"].format(preset_name="Sauna evening")
    assert speech(response) == named
    assert [event.data["preset"] for event in started] == ["custom_1"]

    response = await say(hass, end, SAM_USER_ID, language)
    assert speech(response) == said["ritual_ended"]
    assert state_of(hass, RITUAL) == "off"


@pytest.mark.parametrize(
    ("language", "start", "refusal"),
    [
        ("en", "start the bath preset", "There is no ritual preset called bath"),
        ("fi", "aloita rituaali kylpy", "Rituaalia nimeltä kylpy ei ole"),
    ],
)
async def test_a_preset_nobody_made_is_refused(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, start: str, refusal: str
) -> None:
    """An unknown name starts nothing and says which presets there are."""
    response = await say(hass, start, ALEX_USER_ID, language)
    assert response.response_type is intent.IntentResponseType.ERROR
    assert refusal in speech(response)
    assert "journaling" in speech(response)
    assert state_of(hass, RITUAL) == "off"


@pytest.mark.parametrize(
    ("language", "start", "end"),
    [
        ("en", "start our evening ritual", "end our evening ritual"),
        ("fi", "aloitetaan iltarituaali", "lopetetaan iltarituaali"),
    ],
)
async def test_a_second_start_and_an_end_too_many_say_what_happened(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, start: str, end: str
) -> None:
    """A running ritual is not replaced; ending nothing does not claim an end."""
    said = await strings(hass, language)
    await say(hass, start, ALEX_USER_ID, language)
    response = await say(
        hass,
        "let's journal" if language == "en" else "kirjoitetaan yhdessä",
        SAM_USER_ID,
        language,
    )
    assert speech(response) == said["ritual_already_running"]
    assert state_of(hass, RITUAL) == "on"

    assert speech(await say(hass, end, SAM_USER_ID, language)) == said["ritual_ended"]
    response = await say(hass, end, ALEX_USER_ID, language)
    assert speech(response) == said["ritual_not_running"]
    assert state_of(hass, RITUAL) == "off"


@pytest.mark.parametrize(
    ("language", "sentence"),
    [("en", "log my dose"), ("en", "I took my dose today"), ("fi", "kirjaa annokseni")],
)
async def test_log_my_dose_is_for_the_speaker(
    hass: HomeAssistant, voice: MockConfigEntry, language: str, sentence: str
) -> None:
    """The dose is the speaking partner's, never the other's."""
    response = await say(hass, sentence, SAM_USER_ID, language)
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    said = await strings(hass, language)
    assert speech(response) == said["dose_logged"].format(partner_name="Sam")
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "1"
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"

    again = await say(hass, sentence, SAM_USER_ID, language)
    assert again.response_type is intent.IntentResponseType.ERROR
    assert "Sam" in speech(again)
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "1"


@pytest.mark.parametrize("who", ["third user", "non-partner admin"])
@pytest.mark.parametrize("language", ["en", "fi"])
async def test_outsiders_are_refused(
    hass: HomeAssistant,
    voice: MockConfigEntry,
    outsiders: dict[str, str],
    who: str,
    language: str,
) -> None:
    """Someone outside the couple logs nothing and starts nothing."""
    sentences = {
        "en": ("log my dose", "start our evening ritual"),
        "fi": ("kirjaa annokseni", "aloitetaan iltarituaali"),
    }[language]
    expected = {
        "en": "Only the partners of Alex & Sam (or their automations) can do this",
        "fi": "Vain pariskunnan Alex & Sam kumppanit",
    }[language]
    for sentence in sentences:
        response = await say(hass, sentence, outsiders[who], language)
        assert response.response_type is intent.IntentResponseType.ERROR
        assert speech(response).startswith(expected)
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "0"
    assert state_of(hass, "sensor.alex_last_dose") == "unknown"
    assert state_of(hass, RITUAL) == "off"


async def test_an_automation_acts_for_the_only_couple_but_logs_no_dose(
    hass: HomeAssistant, voice: MockConfigEntry
) -> None:
    """Without a user the one couple's ritual starts; "my" dose is nobody's."""
    response = await say(hass, "start our evening ritual", None, "en")
    assert speech(response) == (await strings(hass, "en"))["ritual_started"]
    assert state_of(hass, RITUAL) == "on"

    response = await say(hass, "otin annokseni", None, "fi")
    assert response.response_type is intent.IntentResponseType.ERROR
    assert speech(response) == (await strings(hass, "fi"))["dose_needs_partner"]
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"
    assert state_of(hass, "sensor.sam_doses_this_cycle") == "0"


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "en",
            "how are we doing today",
            (
                "Today is a dose day. The next dose day is today. "
                "It does not look like a calm day. "
                "Alex has checked in today. Sam has not checked in yet."
            ),
        ),
        (
            "fi",
            "miten meillä menee tänään",
            (
                "Tänään on annospäivä. Seuraava annospäivä on tänään. "
                "Päivä ei näytä rauhalliselta. "
                "Alex on kertonut tänään kuulumisensa. "
                "Sam ei ole vielä kertonut tämän päivän kuulumisiaan."
            ),
        ),
    ],
)
async def test_how_are_we_doing_tells_the_day_without_private_words(
    hass: HomeAssistant,
    voice: MockConfigEntry,
    ws: Callable[..., Any],
    language: str,
    sentence: str,
    expected: str,
) -> None:
    """Phase, next dose, calm, who checked in: the note and scores stay Alex's.

    Alex's stress of 4 ends the calm; the day says so without saying why.
    """
    reply = await ws(
        ALEX_USER_ID,
        "check_in",
        config_entry_id=voice.entry_id,
        mood=2,
        connection=5,
        stress=4,
        note=NOTE,
    )
    assert reply["success"], reply

    for user_id in (SAM_USER_ID, ALEX_USER_ID):
        response = await say(hass, sentence, user_id, language)
        assert response.intent is not None
        assert response.intent.intent_type == "MicrodoseHowAreWe"
        assert speech(response) == expected
        assert NOTE not in str(response.as_dict())


async def test_how_are_we_doing_names_a_later_dose_day_and_the_calm(
    hass: HomeAssistant, voice: MockConfigEntry
) -> None:
    """Once both have dosed, the next dose day is named; no stress: calm."""
    for user_id, slot in ((ALEX_USER_ID, 1), (SAM_USER_ID, 2)):
        await act_as(hass, user_id, voice, "log_dose", partner=slot)
    response = await say(hass, "mikä on tilanteemme", SAM_USER_ID, "fi")
    assert speech(response) == (
        "Tänään on annospäivä. Seuraava annospäivä on torstaina 8. tammikuuta. "
        "Päivä näyttää rauhalliselta. "
        "Alex ei ole vielä kertonut tämän päivän kuulumisiaan. "
        "Sam ei ole vielä kertonut tämän päivän kuulumisiaan."
    )


@pytest.mark.parametrize(
    ("language", "day", "expected"),
    [
        ("en", date(2026, 1, 5), "today"),
        ("en", date(2026, 1, 6), "tomorrow"),
        ("en", date(2026, 1, 8), "Thursday 8 January"),
        ("fi", date(2026, 1, 6), "huomenna"),
        ("fi", date(2026, 2, 16), "maanantaina 16. helmikuuta"),
    ],
)
async def test_days_are_spoken_as_people_say_them(
    hass: HomeAssistant, language: str, day: date, expected: str
) -> None:
    """Today, tomorrow, or the weekday and the date in the language's own form."""
    said = await strings(hass, language)
    assert spoken_day(said, day, date(2026, 1, 5)) == expected


async def test_several_couples_need_the_speakers_own_account(
    hass: HomeAssistant,
    voice: MockConfigEntry,
    outsiders: dict[str, str],
    hass_read_only_user: MockUser,
) -> None:
    """With two couples the speaker's own couple acts; no user cannot choose."""
    other = MockConfigEntry(
        domain=DOMAIN,
        title="Robin & Kim",
        unique_id="robin+kim",
        data={
            "couple_name": "Robin & Kim",
            "partners": [
                {"name": "Robin", "person": None, "user_id": outsiders["third user"]},
                {
                    "name": "Kim",
                    "person": None,
                    "user_id": outsiders["non-partner admin"],
                },
            ],
        },
        options=PRACTICE_OPTIONS,
        version=1,
        minor_version=3,
    )
    other.add_to_hass(hass)
    assert await hass.config_entries.async_setup(other.entry_id)
    await hass.async_block_till_done()
    said = await strings(hass, "en")

    response = await say(hass, "log my dose", outsiders["third user"], "en")
    assert speech(response) == said["dose_logged"].format(partner_name="Robin")
    assert state_of(hass, "sensor.alex_doses_this_cycle") == "0"

    response = await say(hass, "pause our protocol", None, "en")
    assert speech(response) == said["which_couple"]
    response = await say(hass, "pause our protocol", hass_read_only_user.id, "en")
    assert speech(response) == said["not_in_any_couple"]
    assert state_of(hass, PAUSED) == "off"


async def test_no_couple_set_up(hass: HomeAssistant, voice: MockConfigEntry) -> None:
    """Once the couple is unloaded, Assist says there is no couple yet."""
    assert await hass.config_entries.async_unload(voice.entry_id)
    await hass.async_block_till_done()
    response = await say(hass, "miten meillä menee", ALEX_USER_ID, "fi")
    assert speech(response) == (await strings(hass, "fi"))["no_couple"]
