"""Reminder letters (công văn đôn đốc): one Word document per agency, filled
in from a docxtpl template with the agency's overdue (and falling-due) tasks.

The template is the Office's to change: the default ones ship with the
package (``templates/``, made by ``make_letter_template``), and any ``.docx``
whose Jinja fields are among ``FIELDS`` can replace them. A template is
refused before anything is read or recorded when it is not a Word document
or names a field the tracker does not provide, and it is filled in a
sandbox: a template is a file someone sent, not code to run.

Pure of click: ``cli.letter_commands`` reads the list, stages the files and
records the reminders.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cli.documents.make_letter_template import TEMPLATE_FILES, TEMPLATES
from cli.output import display
from domain.errors import TrackerError

if TYPE_CHECKING:
    from jinja2 import Environment

# The fields a template may use, with what each holds (``letters --help``
# lists them; a template naming any other is refused).
FIELDS: dict[str, str] = {
    "office": "the Office's name (tracker config set office ...)",
    "place": "the place of the date line, from the Office's name "
    "('Quảng Ngãi' of 'Văn phòng UBND tỉnh Quảng Ngãi'), else a dotted blank",
    "number": "the letter's number (--doc), else a dotted blank",
    "as_of": "the date of the letter (--as-of), dd/mm/yyyy",
    "as_of_long": "the same, written out ('ngày 01 tháng 12 năm 2026')",
    "reply_by": "the date to report by (--reply-by), dd/mm/yyyy",
    "reply_by_long": "the same, written out",
    "agency": "the addressee, the agency's official name",
    "overdue_count": "how many of its tasks are overdue",
    "due_soon_count": "how many fall due within --due-within days",
    "task_count": "how many tasks the letter lists",
    "tasks": "the tasks, each with the fields below",
    "lang": "vi or en (--lang)",
}
TASK_FIELDS: dict[str, str] = {
    "stt": "its row number, from 1",
    "code": "its code",
    "title": "its title",
    "document": "the assigning document",
    "due_on": "its deadline, dd/mm/yyyy",
    "days_overdue": "days overdue (blank when not overdue)",
    "days_left": "days left (blank when overdue)",
    "days_note": "either, in words ('quá hạn 12 ngày', 'còn 3 ngày')",
    "overdue": "true when overdue, false when falling due",
    "reminders": "how many reminders it had before this letter",
    "last_reminded_on": "the date of the last one, dd/mm/yyyy, or blank",
    "last_reminder_doc": "the number of the last one, or blank",
}
DOTTED = "…………"  # a blank the clerk fills in by hand, as printed forms have it
# "Văn phòng UBND tỉnh Quảng Ngãi" is dated "Quảng Ngãi, ngày ...".
PLACE = re.compile(
    r"\b(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+(?P<place>\S.*)$",
    re.IGNORECASE,
)
WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
MAIN_PART = WORD_DOCUMENT + ".document.main+xml"
STEM_LENGTH = 80
# Names Windows gives devices: a file named so cannot be opened there.
DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"{d}{n}" for d in ("COM", "LPT") for n in range(10)}
)


class TemplateRefused(TrackerError):
    """A letter template that cannot be used; checked before anything is read
    or recorded, so the clerk just picks another (exit 2, as a usage error)."""

    exit_code = 2


class NothingToRemind(TrackerError):
    """No agency has a task the letters would chase."""


@dataclass(frozen=True)
class Letter:
    """One agency's letter: its addressee, its file's name, its tasks (the
    overdue ones first, as the weekly list orders them)."""

    agency: str
    file_name: str
    overdue: tuple[dict[str, Any], ...]
    due_soon: tuple[dict[str, Any], ...]

    @property
    def codes(self) -> list[str]:
        return [task["code"] for task in (*self.overdue, *self.due_soon)]


@dataclass(frozen=True)
class Heading:
    """What every letter of one run shares."""

    office: str
    number: str  # "" when the letter has no number yet
    as_of: date
    reply_by: date
    lang: str


def plan_letters(answer: dict[str, Any]) -> list[Letter]:
    """One letter per agency of the weekly list (``overdue_answer``), in the
    list's order of agencies; empty when nothing is overdue or falling due."""
    overdue: dict[str, list[dict[str, Any]]] = {}
    soon: dict[str, list[dict[str, Any]]] = {}
    for entry in answer["overdue"]:
        overdue.setdefault(entry["agency"], []).append(entry)
        soon.setdefault(entry["agency"], [])
    for entry in answer["due_soon"]:
        overdue.setdefault(entry["agency"], [])
        soon.setdefault(entry["agency"], []).append(entry)
    agencies = list(overdue)
    return [
        Letter(agency, name, tuple(overdue[agency]), tuple(soon[agency]))
        for agency, name in zip(agencies, file_names(agencies), strict=True)
    ]


def file_names(agencies: Sequence[str]) -> list[str]:
    """``So-Tu-phap.docx`` for ``Sở Tư pháp``: the name without diacritics,
    letters and digits joined by hyphens; names that come out the same (case
    aside, as Windows and macOS compare them) get ``-2``, ``-3``."""
    taken: set[str] = set()
    names = []
    for agency in agencies:
        stem = file_stem(agency)
        candidate, number = stem, 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add(candidate.casefold())
        names.append(f"{candidate}.docx")
    return names


def file_stem(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    stem = re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")[:STEM_LENGTH].strip("-")
    if not stem:
        return "co-quan"
    return f"{stem}-1" if stem.upper() in DEVICE_NAMES else stem


def place_of(office: str) -> str:
    """The place an office dates its letters from, when its name says it."""
    match = PLACE.search(office)
    return match["place"].strip() if match else DOTTED


def long_date(day: date, lang: str) -> str:
    """``ngày 05 tháng 02 năm 2026``: a day below 10 and the months 1 and 2
    take a leading zero (Nghị định 30/2020/NĐ-CP); ``5 February 2026``."""
    if lang == "vi":
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{day.day} {day:%B} {day.year}"


DAYS_NOTES = {
    "vi": ("quá hạn {days} ngày", "còn {days} ngày", "đến hạn hôm nay"),
    "en": ("{days} days overdue", "{days} days left", "due today"),
}


def _days_note(entry: dict[str, Any], lang: str) -> str:
    late, left, today = DAYS_NOTES.get(lang, DAYS_NOTES["en"])
    if "days_overdue" in entry:
        return late.format(days=entry["days_overdue"])
    return left.format(days=entry["days_left"]) if entry["days_left"] else today


def task_fields(number: int, entry: dict[str, Any], lang: str) -> dict[str, Any]:
    """One row of the letter's table, as ``TASK_FIELDS`` names them."""
    late = "days_overdue" in entry

    def shown(key: str, name: str | None = None) -> str:
        return display(name or key, entry.get(key), lang)

    return {
        "stt": number,
        "code": shown("code"),
        "title": shown("title"),
        "document": shown("document"),
        "due_on": shown("due_on"),
        "days_overdue": entry["days_overdue"] if late else "",
        "days_left": "" if late else entry["days_left"],
        "days_note": _days_note(entry, lang),
        "overdue": late,
        "reminders": int(entry.get("reminders") or 0),
        "last_reminded_on": shown("last_reminded_on"),
        "last_reminder_doc": shown("last_reminder_doc", "doc"),
    }


def letter_fields(letter: Letter, heading: Heading) -> dict[str, Any]:
    """Everything ``FIELDS`` names, for one letter."""
    lang = heading.lang
    entries = (*letter.overdue, *letter.due_soon)
    return {
        "office": display("office", heading.office, lang),
        "place": display("place", place_of(heading.office), lang),
        "number": display("number", heading.number, lang) or DOTTED,
        "as_of": display("on", heading.as_of.isoformat(), lang),
        "as_of_long": long_date(heading.as_of, lang),
        "reply_by": display("on", heading.reply_by.isoformat(), lang),
        "reply_by_long": long_date(heading.reply_by, lang),
        "agency": display("agency", letter.agency, lang),
        "overdue_count": len(letter.overdue),
        "due_soon_count": len(letter.due_soon),
        "task_count": len(entries),
        "tasks": [task_fields(n, e, lang) for n, e in enumerate(entries, start=1)],
        "lang": lang,
    }


def default_template(lang: str) -> Path:
    return TEMPLATES / TEMPLATE_FILES.get(lang, TEMPLATE_FILES["en"])


def checked_template(path: Path) -> bytes:
    """The template's bytes, once it is known to be a Word document whose
    fields are all among ``FIELDS`` and whose Jinja parses."""
    from jinja2 import TemplateError

    try:
        content = path.read_bytes()
    except OSError as exc:
        raise TemplateRefused(
            f"Cannot read the template {path}: {exc.strerror}."
        ) from None
    if not _is_word_document(content):
        raise TemplateRefused(
            f"The template {path} is not a Word .docx document (save it as .docx "
            "in Word or LibreOffice)."
        )
    from docx.opc.exceptions import OpcError
    from docxtpl import DocxTemplate
    from lxml.etree import XMLSyntaxError

    try:
        unknown = DocxTemplate(io.BytesIO(content)).get_undeclared_template_variables(
            _environment()
        ) - set(FIELDS)
    except TemplateError as exc:
        raise TemplateRefused(
            f"The template {path} is not a valid template: {_jinja_reason(exc)} "
            "(check its Jinja tags)."
        ) from None
    except (KeyError, ValueError, OpcError, XMLSyntaxError, zipfile.BadZipFile):
        # a zip declaring Word's content type without Word's parts
        raise TemplateRefused(
            f"The template {path} is not a Word .docx document (save it as .docx "
            "in Word or LibreOffice)."
        ) from None
    if unknown:
        raise TemplateRefused(
            f"The template {path} uses fields that do not exist: "
            f"{', '.join(sorted(unknown))}; the fields are {', '.join(FIELDS)}."
        )
    return content


def _is_word_document(content: bytes) -> bool:
    """A zip whose content types declare a Word document's main part (not a
    .doc, a .dotx template, a .docm with macros, a spreadsheet...)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
    return MAIN_PART.encode() in types


def render_letters(
    template: bytes,
    path: Path,
    letters: Iterable[Letter],
    heading: Heading,
    folder: Path,
) -> None:
    """Fill ``template`` in for each letter, into ``folder``; a field the
    template reads that a value lacks (``{{ t.foo }}``) refuses it."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    environment = _environment()
    for letter in letters:
        document = DocxTemplate(io.BytesIO(template))
        try:
            document.render(letter_fields(letter, heading), environment)
        except TemplateError as exc:
            raise TemplateRefused(
                f"The template {path} cannot be filled in: {_jinja_reason(exc)}."
            ) from None
        except (ArithmeticError, TypeError, ValueError, LookupError) as exc:
            # An expression of the template's own that fails on these values
            # ({{ 1/0 }}, range(10**9)): the template's fault, not the tracker's.
            raise TemplateRefused(
                f"The template {path} cannot be filled in: an expression fails "
                f"({type(exc).__name__})."
            ) from None
        document.save(str(folder / letter.file_name))


def _environment() -> Environment:
    """Jinja in a sandbox (no attribute of Python's own is reachable), every
    value escaped for XML (a title with ``&`` or ``<`` stays text), and a
    missing value an error rather than a blank."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def _jinja_reason(exc: Exception) -> str:
    return str(getattr(exc, "message", None) or exc).rstrip(".")
