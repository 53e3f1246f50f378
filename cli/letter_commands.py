"""``tracker letters``: the week's reminder letters (công văn đôn đốc), one
Word document per agency, and with ``--record`` the reminders they send.

All or nothing: every value and the template are checked first, the letters
are written into a hidden folder inside the output folder (the same file
system, so moving them into place cannot fail half-way for want of room),
then the reminders are recorded and the letters moved into place in one
transaction, which commits last. A refusal at any step removes the hidden
folder, and the output folder too when this command created it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cli.context import AppContext, pass_app
from cli.files import OutputFileError
from cli.overdue_command import MAX_DUE_WITHIN
from cli.params import DATE, as_known_at_option, as_of_option, format_option

if TYPE_CHECKING:
    from cli.documents.letters import Heading, Letter

REPLY_DAYS = 7  # the week the Office gives an agency to report


@click.command()
@as_of_option()
@as_known_at_option()
@click.option(
    "--output",
    "folder",
    required=True,
    metavar="DIR",
    help="The folder to write the letters into, one file per agency, named "
    "after it without diacritics (So-Tu-phap.docx); created if missing.",
)
@click.option(
    "--due-within",
    type=click.IntRange(0, MAX_DUE_WITHIN),
    default=None,
    metavar="DAYS",
    help="Also chase open tasks due in the next DAYS days.",
)
@click.option(
    "--agency", default=None, help="Only this lead agency (no accents needed)."
)
@click.option(
    "--template",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE.docx",
    help="The Office's own Word template (docxtpl fields, listed above) "
    "instead of the one shipped with the tracker.",
)
@click.option(
    "--doc",
    "number",
    default=None,
    metavar="NUMBER",
    help="The letter's number (e.g. 1018/UBND-CCHC), printed after 'Số:'; "
    "without it the number is left blank.",
)
@click.option(
    "--record",
    is_flag=True,
    help="Also record a reminder on every task listed, dated --as-of, with "
    "the letter's number (--doc): all of them or none.",
)
@click.option(
    "--reply-by",
    type=DATE,
    default=None,
    help="The date the agencies are asked to report by (default: 7 days "
    "after --as-of).",
)
@format_option("table", "json")
@pass_app
def letters(
    app: AppContext,
    as_of: date | None,
    known_at: datetime | None,
    folder: str,
    due_within: int | None,
    agency: str | None,
    template: Path | None,
    number: str | None,
    record: bool,
    reply_by: date | None,
    fmt: str,
) -> None:
    """Reminder letters (công văn đôn đốc): one Word document per agency
    with overdue tasks (and, with --due-within, tasks falling due), in the
    shape of an official letter: the Office's name, the number, the place
    and date, the subject, the addressee, a table of its tasks (deadline,
    days overdue or left, reminders so far) and the date to report by.

    With --record (which needs --doc), the reminders are recorded with the
    letter's number in the same step: if any cannot be, none is and no
    letter is written.

    An Office's own template (--template, a .docx with docxtpl's Jinja
    tags) may use these fields, and the fields of each of the tasks; a
    template naming any other field is refused:

    \b
      office place number as_of as_of_long reply_by reply_by_long agency
      overdue_count due_soon_count task_count lang tasks
      tasks: stt code title document due_on days_overdue days_left days_note
             overdue reminders last_reminded_on last_reminder_doc

    \b
    Example:
      tracker letters --as-of 01/12/2026 --output cong-van
      tracker letters --as-of 01/12/2026 --due-within 7 --output cong-van \\
        --doc 1018/UBND-CCHC --record
      tracker letters --agency "so tu phap" --template mau.docx --output cong-van
    """
    from cli.documents.letters import Heading, checked_template, default_template
    from tracker.settings import setting, today_in_vietnam

    number = _checked_number(number, record, known_at)
    as_of = as_of or today_in_vietnam()
    reply_by = _reply_by(reply_by, as_of)
    template = template or default_template(app.lang)
    content = checked_template(template)
    target = _checked_folder(Path(folder))
    heading = Heading(setting("office"), number, as_of, reply_by, app.lang)
    data = app.reading.overdue_report(as_of, due_within, agency, known_at)
    planned = _write(app, data, content, template, heading, target, record)
    if not planned:
        raise _nothing(as_of, due_within, agency)
    _report(app, fmt, planned, Path(folder), heading, record)


def _write(
    app: AppContext,
    data: dict[str, Any],
    content: bytes,
    template: Path,
    heading: Heading,
    target: Path,
    record: bool,
) -> list[Letter]:
    """Stage the letters, record their reminders if asked, then move them
    into place (nothing of it when there is no letter to write)."""
    from cli.documents.letters import plan_letters, render_letters

    planned = plan_letters(data)
    if not planned:
        return planned
    with _staged(target) as staging:
        for letter in planned:
            app.output(str(target / letter.file_name), "letter")
        render_letters(content, template, planned, heading, staging)
        if record:
            _record_and_move(app, planned, heading, staging, target)
        else:
            for letter in planned:
                os.replace(staging / letter.file_name, target / letter.file_name)
    return planned


def _record_and_move(
    app: AppContext,
    planned: list[Letter],
    heading: Heading,
    staging: Path,
    target: Path,
) -> None:
    """Record the reminders and move the letters into place inside the one
    transaction, which commits after the last move: a process killed on the
    way leaves letters without their reminders (run again), never reminders
    without their letters; a refusal or a failed commit takes the moved
    letters back out."""
    codes = [code for letter in planned for code in letter.codes]
    moved: list[Path] = []
    try:
        with app.ledger.batch():
            app.ledger.remind_tasks(
                codes, on=heading.as_of, document=heading.number, actor=app.actor
            )
            for letter in planned:
                os.replace(staging / letter.file_name, target / letter.file_name)
                moved.append(target / letter.file_name)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        raise


def _checked_number(number: str | None, record: bool, known_at: datetime | None) -> str:
    """The letter's number as stored, and the options that go with it."""
    if record and not number:
        raise click.UsageError(
            "--record needs --doc NUMBER: the letter's number is recorded with "
            "each reminder."
        )
    if record and known_at is not None:
        raise click.UsageError(
            "--record cannot be used with --as-known-at: reminders are recorded "
            "on the ledger as it is now."
        )
    if not number:
        return ""
    from domain.limits import CITATION_LENGTH, checked_text

    return checked_text(number, "reminder document", CITATION_LENGTH)


def _reply_by(reply_by: date | None, as_of: date) -> date:
    if reply_by is None:
        return as_of + timedelta(days=REPLY_DAYS)
    if reply_by < as_of:
        from domain.errors import TaskRuleError

        raise TaskRuleError(
            f"The reply-by date {reply_by:%d/%m/%Y} is before the letters' "
            f"date {as_of:%d/%m/%Y}."
        )
    return reply_by


def _checked_folder(folder: Path) -> Path:
    """``folder``, once it is known that letters can be written into it (or
    that it can be created)."""
    resolved = folder.resolve()
    if resolved.exists():
        if not resolved.is_dir():
            problem = "it is a file, not a folder"
        elif not os.access(resolved, os.W_OK | os.X_OK):
            problem = "the folder is not writable"
        else:
            return resolved
    elif resolved.parent.exists() and not resolved.parent.is_dir():
        problem = f"{resolved.parent} is a file, not a folder"
    elif not resolved.parent.is_dir():
        problem = f"the folder {resolved.parent} does not exist"
    elif not os.access(resolved.parent, os.W_OK | os.X_OK):
        problem = f"the folder {resolved.parent} is not writable"
    else:
        return resolved
    raise OutputFileError(f"Cannot write the letters into {folder}: {problem}.")


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    """A hidden folder inside ``target`` (created if missing) to write into;
    removed in any case, and ``target`` with it when it was created here and
    the step failed."""
    created = not target.exists()
    try:
        target.mkdir(exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".tracker-letters-", dir=target))
    except OSError as exc:
        raise OutputFileError(
            f"Cannot write the letters into {target}: {exc.strerror}."
        ) from None
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            shutil.rmtree(target, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)


def _nothing(as_of: date, due_within: int | None, agency: str | None) -> Exception:
    from cli.documents.letters import NothingToRemind

    day = f"{as_of:%d/%m/%Y}"
    whom = f"No agency matching {agency}" if agency else "No agency"
    if due_within is None:
        return NothingToRemind(f"{whom} has overdue tasks on {day}.")
    return NothingToRemind(
        f"{whom} has overdue tasks or tasks due within {due_within} days on {day}."
    )


def _report(
    app: AppContext,
    fmt: str,
    written: Sequence[Letter],
    shown: Path,
    heading: Heading,
    record: bool,
) -> None:
    """One line per letter and a summary; or the same as JSON. Paths as the
    clerk typed the folder."""
    from cli.main import say

    tasks = sum(len(letter.codes) for letter in written)
    if fmt == "json":
        from projections.json_text import json_document

        click.echo(
            json_document(
                {
                    "as_of": heading.as_of.isoformat(),
                    "reply_by": heading.reply_by.isoformat(),
                    "document": heading.number or None,
                    "recorded": record,
                    "letters": [
                        {
                            "agency": letter.agency,
                            "path": str(shown / letter.file_name),
                            "overdue": [t["code"] for t in letter.overdue],
                            "due_soon": [t["code"] for t in letter.due_soon],
                        }
                        for letter in written
                    ],
                },
                indent=True,
            )
        )
        return
    for letter in written:
        say(
            f"Wrote the letter to {letter.agency}: {shown / letter.file_name} "
            f"({_counted(len(letter.codes), 'task')}).",
            lang=app.lang,
        )
    say(
        f"Wrote {_counted(len(written), 'letter')} on {_counted(tasks, 'task')} "
        f"as of {heading.as_of:%d/%m/%Y}.",
        lang=app.lang,
    )
    if record:
        say(
            f"Recorded {tasks} reminders with the letter {heading.number}.",
            lang=app.lang,
        )


def _counted(count: int, noun: str) -> str:
    return f"1 {noun}" if count == 1 else f"{count} {noun}s"


COMMANDS = [letters]
