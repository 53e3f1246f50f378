"""``tracker directory``: the assigners and agencies the reports group by."""

from __future__ import annotations

from typing import Any

import click

from cli.context import AppContext, pass_app
from cli.help_text import TranslatedGroup
from cli.output import console, print_json
from cli.params import format_option
from domain.directory import KINDS, SOURCES

KIND = click.argument("kind", type=click.Choice(KINDS))

# Table headers and words, by ``--lang``.
WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "assigner": "Cấp giao",
        "agency": "Cơ quan",
        "name": "Tên chính thức",
        "source": "Nhóm nguồn giao",
        "aliases": "Tên gọi khác",
        "variants": "Cách ghi trong nhiệm vụ (số nhiệm vụ)",
        "tasks": "Số nhiệm vụ",
        "central": "Trung ương",
        "provincial": "Tỉnh",
        "other": "Khác",
        "unknown": "(chưa có trong danh mục)",
        "title": "Danh mục cấp giao và cơ quan",
    },
    "en": {
        "assigner": "Assigner",
        "agency": "Agency",
        "name": "Official name",
        "source": "Source group",
        "aliases": "Aliases",
        "variants": "As typed in tasks (tasks)",
        "tasks": "Tasks",
        "central": "central",
        "provincial": "provincial",
        "other": "other",
        "unknown": "(not in the directory)",
        "title": "Directory of assigners and agencies",
    },
}


@click.group(cls=TranslatedGroup)
def directory() -> None:
    """The directory (danh mục) of assigners and agencies: official names,
    aliases, and each assigner's source group.

    \b
    Example:
      tracker directory list
    """


@directory.command("list")
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    default=None,
    help="Only assigners or only agencies.",
)
@format_option("table", "json")
@pass_app
def list_directory(app: AppContext, kind: str | None, fmt: str) -> None:
    """List the directory: each entity's official name, source group,
    aliases, and the names as typed in the tasks that fold into it, with how
    many tasks use each; names the directory does not know come last, so
    that the Office sees what to file.

    \b
    Example:
      tracker directory list --kind agency
      tracker directory list --format json
    """
    from projections.directory import directory_listing

    got = app.reading.answer(lambda sql: directory_listing(sql, kind))
    entries: list[dict[str, Any]] = got.answer
    if fmt == "json":
        print_json({"entries": entries, "ledger": got.ledger.as_dict()})
        return
    _table(entries, app.lang)


def _table(entries: list[dict[str, Any]], lang: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    from domain.limits import printable

    words = WORDS.get(lang, WORDS["vi"])
    table = Table(title=words["title"], header_style="bold", show_lines=False)
    for column in ("kind", "name", "source", "aliases", "variants", "tasks"):
        header = words["assigner"] + " / " + words["agency"] if column == "kind" else ""
        table.add_column(header or words[column], overflow="fold")

    def text(value: str) -> str:
        return escape(printable(value))

    for entry in entries:
        name = text(entry["name"])
        if not entry["known"]:
            name = f"[yellow]{name}[/yellow] {words['unknown']}"
        table.add_row(
            words[entry["kind"]],
            name,
            words[entry["source"]] if entry["source"] else "",
            "; ".join(text(alias) for alias in entry["aliases"]),
            "; ".join(
                f"{text(variant['name'])} ({variant['tasks']})"
                for variant in entry["variants"]
            ),
            str(entry["tasks"]),
        )
    console().print(table)


@directory.command("add")
@KIND
@click.argument("name")
@click.option(
    "--source",
    type=click.Choice(SOURCES),
    default=None,
    help="An assigner's source group (required for an assigner): central "
    "(Government, Prime Minister), provincial (UBND tỉnh, its Chairman), other.",
)
@pass_app
def add(app: AppContext, kind: str, name: str, source: str | None) -> None:
    """File a new assigner or agency under its official name.

    \b
    Example:
      tracker directory add agency "Sở Y tế"
      tracker directory add assigner "Bộ Nội vụ" --source other
    """
    from tracker.directory_cases import add_directory_name

    entry = add_directory_name(
        app.ledger, kind=kind, name=name, source=source, actor=app.actor
    )
    if kind == "assigner":
        app.done(
            f"Added the assigner {entry.official} to the directory, in the "
            f"{entry.source} source group."
        )
    else:
        app.done(f"Added the agency {entry.official} to the directory.")


@directory.command("alias")
@KIND
@click.argument("name")
@click.argument("alias")
@pass_app
def alias(app: AppContext, kind: str, name: str, alias: str) -> None:
    """Let ALIAS (an abbreviation, another spelling) name the entity NAME
    names; NAME may be its official name or any alias, in any spelling.

    \b
    Example:
      tracker directory alias agency "Sở Y tế" SYT
    """
    from tracker.directory_cases import add_directory_alias

    entry = add_directory_alias(
        app.ledger, kind=kind, name=name, alias=alias, actor=app.actor
    )
    if kind == "assigner":
        app.done(f"{entry.aliases[-1]} now also names the assigner {entry.official}.")
    else:
        app.done(f"{entry.aliases[-1]} now also names the agency {entry.official}.")


COMMANDS = [directory]
