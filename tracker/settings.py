"""Where the ledger lives, who is logging, and what day it is in Vietnam.

This is the only module that reads the environment, so every command and
test resolves the database, the actor, today and the Office's settings the
same way.
"""

from __future__ import annotations

import getpass
import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from domain.errors import TrackerError

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
DATABASE_URL_VARIABLE = "TRACKER_DATABASE_URL"
ACTOR_VARIABLE = "TRACKER_ACTOR"


def today_in_vietnam() -> date:
    return datetime.now(VIETNAM).date()


def default_database_path() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tracker" / "tracker.db"


def database_url(explicit: str | None = None) -> str:
    """``--db`` beats ``TRACKER_DATABASE_URL`` beats the user's data directory.

    A plain file path is taken as a SQLite file, which is what a clerk types.
    """
    value = explicit or os.environ.get(DATABASE_URL_VARIABLE)
    if not value:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{path}"
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def default_actor() -> str:
    actor = os.environ.get(ACTOR_VARIABLE)
    if actor:
        return actor
    try:
        return getpass.getuser()
    except Exception:  # no user name on this machine: still log something
        return "unknown"


# The Office's own settings: a small JSON file in the user's configuration
# directory (``TRACKER_CONFIG`` names another file, for tests and for an
# Office that keeps one shared file).
CONFIG_VARIABLE = "TRACKER_CONFIG"
ROLLS_SETTING = "deadline_rolls_to_working_day"
UNDO_SETTING = "undo_window_minutes"
SETTING_DEFAULTS: dict[str, str] = {
    "office": "Văn phòng UBND tỉnh",  # the name documents are headed with
    # Whether a deadline that ends on a day off ends at the end of the next
    # working day (Civil Code 2015, art. 148). Off so that figures already
    # reported do not change; reports apply it when they answer, and say so.
    ROLLS_SETTING: "off",
    # How far back ``tracker undo`` reaches: a slip noticed at once, not a
    # change of mind (that is ``correct`` or ``reopen``).
    UNDO_SETTING: "15",
}
# Settings that are a switch: the values they take.
SWITCHES = {ROLLS_SETTING: ("on", "off")}
# Settings that are a whole number: the range they take.
NUMBERS = {UNDO_SETTING: (1, 1440)}


class SettingError(TrackerError):
    """A setting that does not exist, a value it cannot take, or a settings
    file that cannot be read or written (exit 1, nothing changed)."""


def settings_path() -> Path:
    explicit = os.environ.get(CONFIG_VARIABLE)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tracker" / "settings.json"


def settings() -> dict[str, str]:
    """Every setting: as set, else its default.

    Settings are not ledger events: they say how this Office's documents
    look (whose name heads them), not what happened to any task, so they are
    neither audited nor replayed, and changing one changes no figure."""
    stored = _stored()
    return {name: stored.get(name, fallback) for name, fallback in DEFAULTS}


DEFAULTS = tuple(SETTING_DEFAULTS.items())
# What a refusal calls each setting's value, in a sentence ("The office name
# contains ..."): a setting's key is an identifier, not a name to show.
SETTING_FIELDS: dict[str, str] = {
    "office": "office name",
    ROLLS_SETTING: "deadline rule",
    UNDO_SETTING: "undo window",
}


def setting(name: str) -> str:
    return settings()[_known(name)]


def deadline_rolls() -> bool:
    """Whether reports end a deadline on a day off at the next working day."""
    return setting(ROLLS_SETTING) == "on"


def undo_window() -> timedelta:
    """How long after recording an event its author may still undo it."""
    value = setting(UNDO_SETTING)
    if not _in_range(UNDO_SETTING, value):
        low, high = NUMBERS[UNDO_SETTING]
        raise SettingError(
            f"The settings file {settings_path()} sets {UNDO_SETTING} to {value}, "
            f"not a whole number of minutes from {low} to {high}; set it again "
            "with 'tracker config set'."
        )
    return timedelta(minutes=int(value.lstrip("0")))


def _in_range(name: str, value: str) -> bool:
    low, high = NUMBERS[name]
    digits = value.lstrip("0") or "0"  # a huge number is no number of minutes
    return (
        value.isascii()
        and value.isdigit()
        and len(digits) <= len(str(high))
        and low <= int(digits) <= high
    )


def store_setting(name: str, value: str) -> str:
    """Set ``name`` to ``value`` (checked like any name the tracker stores);
    the value as stored. The file is replaced whole, never half written."""
    from domain.limits import NAME_LENGTH, checked_text

    value = checked_text(value, SETTING_FIELDS[_known(name)], NAME_LENGTH)
    allowed = SWITCHES.get(name)
    if allowed is not None and value not in allowed:
        raise SettingError(f"The setting {name} is on or off, not {value}.")
    if name in NUMBERS:
        low, high = NUMBERS[name]
        if not _in_range(name, value):
            raise SettingError(
                f"The setting {name} is a whole number of minutes from {low} to "
                f"{high}, not {value}."
            )
        value = value.lstrip("0")
    stored = {**_stored(), name: value}
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(
            json.dumps(stored, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        os.replace(partial, path)
    except OSError as exc:
        raise SettingError(
            f"Cannot write the settings file {path}: {exc.strerror}."
        ) from None
    return value


def _known(name: str) -> str:
    if name not in SETTING_DEFAULTS:
        raise SettingError(
            f"There is no setting named {name}; the settings are "
            f"{', '.join(SETTING_DEFAULTS)}."
        )
    return name


def _stored() -> dict[str, str]:
    path = settings_path()
    try:
        text: str | None = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        text = None  # not UTF-8: no settings file of this tool
    except OSError as exc:
        raise SettingError(
            f"Cannot read the settings file {path}: {exc.strerror}."
        ) from None
    try:
        stored = json.loads(text) if text is not None else None
    except ValueError:
        stored = None
    if not isinstance(stored, dict) or not all(
        isinstance(value, str) for value in stored.values()
    ):
        raise SettingError(
            f"The settings file {path} is not a settings file; fix it or remove it."
        )
    return stored
