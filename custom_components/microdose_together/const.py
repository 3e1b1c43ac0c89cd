"""Constants shared by the Home Assistant side of Microdose Together."""

from __future__ import annotations

from typing import Final

DOMAIN: Final = "microdose_together"

PARTNER_SLOTS: Final = (1, 2)

# Config entry data (who the couple is; changed by reconfigure).
CONF_COUPLE_NAME: Final = "couple_name"
CONF_PARTNERS: Final = "partners"
CONF_NAME: Final = "name"
CONF_PERSON: Final = "person"
CONF_USER_ID: Final = "user_id"
# Entries made before partners were users named one notify action each.
CONF_NOTIFY: Final = "notify"

# Config entry options (how they practise; changed in the options flow).
CONF_PRESET: Final = "preset"
CONF_START_DATE: Final = "start_date"
CONF_WEEKDAYS: Final = "weekdays"
CONF_DAYS_ON: Final = "days_on"
CONF_DAYS_OFF: Final = "days_off"
CONF_WEEKS_ON: Final = "weeks_on"
CONF_WEEKS_OFF: Final = "weeks_off"
CONF_FORM: Final = "form"
CONF_STARTING_AMOUNT: Final = "starting_amount"
CONF_CEILING: Final = "ceiling"
CONF_STARTING_AMOUNT_CYCLE: Final = "starting_amount_cycle"
CONF_REMINDER_TIME: Final = "reminder_time"

# Check-ins, prompts and quiet hours (the "check-ins and prompts" options).
CONF_CHECKIN_SCHEDULE: Final = "checkin_schedule"
CONF_CHECKIN_TIME: Final = "checkin_time"
CONF_THEMES: Final = "themes"
CONF_CUSTOM_PROMPTS: Final = "custom_prompts"
CONF_QUIET_START: Final = "quiet_start"
CONF_QUIET_END: Final = "quiet_end"
# Off by default: the answers would pass through the push service (Apple/Google).
CONF_SHOW_ANSWERS: Final = "show_answers_in_notifications"

# Calm day (the "calm day" options).
CONF_CALM_CALENDARS: Final = "calm_calendars"
CONF_BUSY_HOURS: Final = "busy_hours"
CONF_MAX_EVENTS: Final = "max_events"
CONF_STRESSED_AT: Final = "stressed_at"
CONF_KEYWORDS: Final = "keywords"

ISSUE_CALENDAR_UNAVAILABLE: Final = "calendar_unavailable"
ISSUE_RITUAL_ENTITY_MISSING: Final = "ritual_entity_missing"

DEFAULT_CHECKIN_TIME: Final = "21:30:00"
DEFAULT_QUIET_START: Final = "22:30:00"
DEFAULT_QUIET_END: Final = "07:30:00"

DEFAULT_WEEKS_ON: Final = 4
DEFAULT_WEEKS_OFF: Final = 2
DEFAULT_DAYS_ON: Final = 1
DEFAULT_DAYS_OFF: Final = 2
DEFAULT_REMINDER_TIME: Final = "08:00:00"

# The weekly summary to both phones (the "reminders" options); on by default.
CONF_WEEKLY_SUMMARY: Final = "weekly_summary"
CONF_WEEKLY_SUMMARY_DAY: Final = "weekly_summary_day"
CONF_WEEKLY_SUMMARY_TIME: Final = "weekly_summary_time"
DEFAULT_WEEKLY_SUMMARY_DAY: Final = 6  # Sunday (Monday is 0)
DEFAULT_WEEKLY_SUMMARY_TIME: Final = "18:00:00"
# How long "Later" on a check-in request or the morning note waits (minutes).
CONF_SNOOZE_MINUTES: Final = "snooze_minutes"

# Storage: one file per config entry, written at most this often.
# Version 3 writes each record as one short row (record_layout.py).
STORAGE_VERSION: Final = 3
STORAGE_SAVE_DELAY: Final = 10

ISSUE_STORE_RESET: Final = "store_reset"

ATTR_CONFIG_ENTRY_ID: Final = "config_entry_id"
ATTR_PARTNER: Final = "partner"
ATTR_PARTNER_NAME: Final = "partner_name"

# The couple's sidebar panel, and the views a phone notification opens in it.
PANEL_URL_PATH: Final = "microdose-together"
PANEL_VIEW_CHECK_IN: Final = "check-in"
PANEL_VIEW_DOSE: Final = "dose"
PANEL_VIEW_PROMPT: Final = "prompt"
PANEL_VIEW_INSIGHTS: Final = "insights"

# The purpose (in the notification tag) of a cycle's figures on the phones.
NOTIFY_CYCLE_REVIEW: Final = "cycle_review"
# The purpose (in the notification tag) of the weekly summary on the phones.
NOTIFY_WEEKLY_SUMMARY: Final = "weekly"
# Tag purpose of the journaling preset's "share one line" note.
NOTIFY_RITUAL_SHARE: Final = "ritual_share"
# Tag purpose of a journaling or walk question, to write or talk about.
NOTIFY_RITUAL_QUESTION: Final = "ritual_question"
