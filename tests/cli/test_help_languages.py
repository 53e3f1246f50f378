"""Help texts speak the chosen language: ``--help`` under ``--lang vi`` (the
default) shows no English help word, under ``--lang en`` exactly what click
renders from the English in code. Commands are discovered from ``cli.main``
(the root, every command, every group and its subcommands), so a command
added later is covered; and every entry of ``cli.help_catalog`` must still
match some help text, so that a changed docstring cannot silently fall back
to English.
"""

from __future__ import annotations

import inspect
import re

import click
import pytest
from click.testing import CliRunner

from cli.help_text import NO_REWRAP, PARAGRAPHS, entries, normalised
from cli.locale import catalog
from cli.main import main
from tests.cli.test_languages import ENGLISH

# Words of English help beyond those of English messages ("an" is also
# Vietnamese: "an toàn").
HELP_WORDS = (ENGLISH - {"an"}) | frozenset(
    """
    default record show write only every which when each into your
    who what how why new old per or as at keep drop create print
    """.split()  # noqa: SIM905
)


def commands() -> list[tuple[str, click.Command]]:
    """Every command path (the root's is empty) with its command."""
    found: list[tuple[str, click.Command]] = []

    def walk(path: str, command: click.Command) -> None:
        found.append((path, command))
        if isinstance(command, click.Group):
            ctx = click.Context(command)
            for name in command.list_commands(ctx):
                subcommand = command.get_command(ctx, name)
                assert subcommand is not None
                walk(f"{path} {name}".strip(), subcommand)

    walk("", main)
    return found


PATHS = [path for path, _ in commands()]
COMMANDS = dict(commands())


def help_of(lang: str, path: str) -> str:
    result = CliRunner().invoke(
        main, ["--lang", lang, *path.split(), "--help"], prog_name="tracker"
    )
    assert result.exit_code == 0, result.output
    return result.stdout


def paragraphs(command: click.Command) -> list[str]:
    text = inspect.cleandoc(command.help or "").partition("\f")[0]
    return [p for p in PARAGRAPHS.split(text) if p.strip()]


def example_lines(command: click.Command) -> set[str]:
    """The lines of the command's examples, shown as written."""
    lines: set[str] = set()
    for block in paragraphs(command):
        if block.lstrip().startswith(NO_REWRAP):
            lines |= {line.strip() for line in block.splitlines()}
    return lines - {"", NO_REWRAP}


def codes() -> set[str]:
    """Command names and the values options accept: the tracker's codes,
    written as typed in either language."""
    words = {name for path in PATHS for name in path.split()}
    for command in COMMANDS.values():
        for param in command.params:
            if isinstance(param.type, click.Choice):
                words |= {str(choice) for choice in param.type.choices}
    return {word.casefold() for word in words}


def english_words(output: str, command: click.Command) -> list[str]:
    """English help words in ``output``, outside the examples, quoted values,
    option names, upper-case metavars, usage lines and the tracker's codes."""
    examples = example_lines(command)
    text = "\n".join(
        line for line in output.splitlines() if line.strip() not in examples
    )
    text = re.sub(r"\S+\.(?:json|jsonl|csv|txt|xlsx|docx)\b", " ", text)  # files
    text = re.sub(r"\[[^\]\n]*\|[^\]\n]*\]", " ", text)  # [table|json|csv]
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", " ", text)  # quoted values
    text = re.sub(r"(?<!\w)--?[a-z][\w-]*", " ", text)  # option names
    text = re.sub(r"\btracker( (?!\[)[a-z][\w-]*)*", " ", text)  # commands
    known = codes()
    return sorted(
        {
            word
            for word in re.findall(r"\w+", text)
            if not word.isupper()
            and word.casefold() not in known
            and word.casefold() in HELP_WORDS
        }
    )


def english_help(path: str) -> str:
    """What click itself renders for ``path`` from the English in code, with
    its plain formatter."""
    ctx = click.Context(main, info_name="tracker", **main.context_settings)
    command: click.Command = main
    for name in path.split():
        assert isinstance(command, click.Group)
        subcommand = command.get_command(ctx, name)
        assert subcommand is not None
        command = subcommand
        ctx = click.Context(command, info_name=name, parent=ctx)
    return command.get_help(ctx) + "\n"


def help_pieces() -> set[str]:
    """Every paragraph (examples apart) and option help of the tracker's
    help, as ``cli.help_catalog`` keys them; not those click's own catalog
    translates ("Show the version and exit.")."""
    pieces: set[str] = set()
    for command in COMMANDS.values():
        if command.short_help:
            pieces.add(command.short_help)
        pieces |= {b for b in paragraphs(command) if not b.startswith(NO_REWRAP)}
        for param in command.params:
            help_ = getattr(param, "help", None)
            if help_:
                pieces.add(help_)
    click_own = catalog("vi")
    return {normalised(p) for p in pieces if click_own.gettext(p) == p}


@pytest.mark.parametrize("path", PATHS, ids=[p or "tracker" for p in PATHS])
def test_help_under_vi_shows_no_english_help_word(path: str) -> None:
    output = help_of("vi", path)
    assert "Cách dùng:" in output
    assert not english_words(output, COMMANDS[path]), output


@pytest.mark.parametrize("path", PATHS, ids=[p or "tracker" for p in PATHS])
def test_help_under_en_is_what_click_renders_from_the_english(
    path: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = help_of("en", path)
    monkeypatch.setattr(click.formatting, "FORCED_WIDTH", 80)  # as CliRunner
    assert output == english_help(path)
    assert output != help_of("vi", path)


def test_every_help_paragraph_and_option_help_has_vietnamese() -> None:
    missing = help_pieces() - set(entries())
    assert not missing, sorted(missing)


def test_every_help_catalog_entry_matches_some_help_text() -> None:
    unused = set(entries()) - help_pieces()
    assert not unused, sorted(unused)


def test_the_listing_cuts_the_translated_help_not_the_english() -> None:
    listing = help_of("vi", "")
    assert "Ghi nhận một nhiệm vụ mới được giao." in listing
    assert "Record a newly assigned task." not in listing
    assert "Cơ sở dữ liệu lưu nhật ký: init, check, harden." in listing
    db = help_of("vi", "db")
    assert "Tạo các bảng của nhật ký nếu chưa có (có thể chạy lại an toàn)." in db
