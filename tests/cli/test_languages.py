"""Every command speaks the chosen language: ``--lang vi`` (the default) shows
no English message word, ``--lang en`` no Vietnamese outside the stored data.
The stored data exempted is what the test's ledger holds (its JSON values:
titles, agencies, assigners, documents, notes, actors), never source text, so
that "the", "due" or "office" left in a Vietnamese message is caught.

Commands are discovered from ``cli.main`` (every command and every group's
subcommands), so a command added later is covered: its success path needs a
line in ``SUCCESS`` (a test fails until it has one), and every command is
also run with an option it does not have and, when it takes arguments,
without them (click's own refusals).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cli.main import main

TITLE = "Rà soát thủ tục"
AGENCY = "Sở Tư pháp"
DATA = [
    ["assign", "NV-01", "--title", TITLE, "--agency", AGENCY,
     "--assigner", "Thủ tướng Chính phủ", "--assigned", "14/02/2023",
     "--due", "31/03/2023", "--doc", "495/UBND-TTHC"],
    ["assign", "NV-02", "--title", "Kiểm tra hồ sơ", "--agency", "Sở Nội vụ",
     "--assigner", "UBND tỉnh", "--assigned", "01/03/2023", "--due", "30/04/2023"],
    ["assign", "NV-03", "--title", "Tổng hợp", "--agency", AGENCY,
     "--assigner", "Chủ tịch UBND tỉnh", "--assigned", "01/03/2023"],
    ["complete", "NV-01", "--on", "28/03/2023", "--doc", "1020/STP-VP"],
]  # fmt: skip

# (success, refusal) per command path; {tmp} is the test's folder.
SUCCESS: dict[str, tuple[list[str], list[str]]] = {
    "assign": (
        [
            "assign",
            "NV-04",
            "--title",
            "Báo cáo",
            "--agency",
            AGENCY,
            "--assigner",
            "UBND tỉnh",
            "--assigned",
            "01/02/2023",
            "--due",
            "01/05/2023",
        ],
        [
            "assign",
            "NV-04",
            "--title",
            "Báo cáo",
            "--agency",
            AGENCY,
            "--assigner",
            "UBND tỉnh",
            "--assigned",
            "01/02/2023",
        ],
    ),  # fmt: skip
    "extend": (
        [
            "extend",
            "NV-02",
            "--to",
            "31/05/2023",
            "--on",
            "15/04/2023",
            "--reason",
            "Chờ ý kiến",
        ],
        ["extend", "NV-02", "--to", "01/05/2023", "--on", "15/04/2023"],
    ),  # fmt: skip
    "reassign": (
        ["reassign", "NV-04", "--agency", "Sở Nội vụ", "--on", "01/03/2023"],
        ["reassign", "NV-04", "--agency", "Sở Nội vụ", "--on", "01/03/2023"],
    ),
    "note": (
        ["note", "NV-02", "Đã họp", "--on", "01/04/2023"],
        ["note", "NV-99", "Đã họp", "--on", "01/04/2023"],
    ),
    # The correction before it taken back; a void needs its reason.
    "undo": (["undo", "Ghi nhầm nhiệm vụ"], ["undo", " "]),
    "complete": (
        ["complete", "NV-04", "--on", "20/04/2023"],
        ["complete", "NV-04", "--on", "21/04/2023"],
    ),
    "reopen": (
        ["reopen", "NV-04", "--on", "22/04/2023", "--reason", "Thiếu hồ sơ"],
        ["reopen", "NV-02", "--on", "22/04/2023", "--reason", "Thiếu hồ sơ"],
    ),
    "cancel": (
        ["cancel", "NV-04", "--on", "23/04/2023", "--reason", "Rút"],
        ["complete", "NV-04", "--on", "24/04/2023"],
    ),
    "correct": (
        ["correct", "NV-02", "title", "Kiểm tra hồ sơ 2023", "--reason", "Gõ nhầm"],
        ["correct", "NV-02", "khong_co", "x", "--reason", "Gõ nhầm"],
    ),
    "confirm": (
        ["confirm", "NV-01", "--on", "05/04/2023"],
        ["confirm", "NV-01", "--on", "06/04/2023"],
    ),
    "tra-lai": (
        ["tra-lai", "NV-01", "--on", "06/04/2023", "--reason", "Thiếu hồ sơ"],
        ["tra-lai", "NV-01", "--on", "07/04/2023", "--reason", "Thiếu hồ sơ"],
    ),
    "remind": (
        [
            "remind",
            "--agency",
            "Sở Nội vụ",
            "--on",
            "15/06/2023",
            "--doc",
            "1018/UBND-CCHC",
        ],
        [
            "remind",
            "--agency",
            "Sở Nội vụ",
            "--on",
            "15/06/2023",
            "--doc",
            "1018/UBND-CCHC",
        ],
    ),  # fmt: skip
    "letters": (
        ["letters", "--as-of", "30/06/2023", "--output", "{tmp}/cong-van"],
        ["letters", "--as-of", "01/01/2023", "--output", "{tmp}/cong-van"],
    ),
    "show": (["show", "NV-02", "--as-of", "30/06/2023"], ["show", "NV-99"]),
    "list": (["list", "--as-of", "30/06/2023"], ["list", "--as-of", "31/02/2023"]),
    "history": (["history", "NV-02"], ["history"]),
    "report": (
        ["report", "--period", "2023-H1"],
        ["report", "--period", "2023-H7"],
    ),
    "overdue": (["overdue", "--as-of", "30/06/2023"], ["overdue", "--as-of", "x"]),
    "sweep": (["sweep", "--as-of", "30/06/2023"], ["sweep", "--as-of", "01/01/2199"]),
    "import": (["import", "{tmp}/nhiem-vu.csv"], ["import", "{tmp}/loi.csv"]),
    "batch": (["batch", "{tmp}/lo.txt"], ["batch", "{tmp}/lo-loi.txt"]),
    "verify": (["verify", "--read-models"], ["verify", "--fingerprint", "1:xyz"]),
    "export": (["export", "{tmp}/so.jsonl"], ["export", "{tmp}"]),
    "restore": (["restore", "{tmp}/so.jsonl"], ["restore", "{tmp}/so.jsonl"]),
    "projections status": (["projections", "status"], ["projections", "status"]),
    "projections rebuild": (["projections", "rebuild"], ["projections", "rebuild"]),
    # ``follow`` runs until stopped: only its refusals are run here.
    "projections follow": ([], ["projections", "follow", "--poll", "nan"]),
    "db init": (["db", "init"], ["db", "harden", "--role", "x"]),
    "db check": (["db", "check"], ["--db", "{tmp}/khong-co.db", "db", "check"]),
    "db harden": (["db", "check"], ["db", "harden", "--role", "Vai Trò"]),
    "directory list": (["directory", "list"], ["directory", "list", "--kind", "x"]),
    "directory add": (
        ["directory", "add", "agency", "Sở Y tế"],
        ["directory", "add", "agency", "Sở Y tế"],
    ),
    "directory alias": (
        ["directory", "alias", "agency", "Sở Y tế", "SYT"],
        ["directory", "alias", "agency", "Sở Không Có", "SKC"],
    ),
    "calendar holiday": (
        [
            "calendar",
            "holiday",
            "16/02/2024",
            "--reason",
            "Nghỉ bù Tết",
            "--doc",
            "Quyết định 123/QĐ-UBND",
        ],
        ["calendar", "holiday", "16/02/2024", "--reason", "Nghỉ bù Tết"],
    ),
    "calendar workday": (
        [
            "calendar",
            "workday",
            "24/02/2024",
            "--reason",
            "Làm bù",
            "--doc",
            "Quyết định 123/QĐ-UBND",
        ],
        ["calendar", "workday", "05/03/2024", "--reason", "Làm bù"],
    ),
    "calendar show": (
        ["calendar", "show", "2024"],
        ["calendar", "show", "2044"],
    ),
    "config set": (
        ["config", "set", "office", "Văn phòng UBND tỉnh Quảng Ngãi"],
        ["config", "set", "office", ""],
    ),
    "config get": (["config", "get", "office"], ["config", "get", "khong_co"]),
    "config list": (["config", "list"], ["config", "list", "thua"]),
    # Piped lines each recorded on their own; the file's second line refused.
    "shell": (
        ["shell", "--file", "{tmp}/lo.txt"],
        ["shell", "--file", "{tmp}/lo-loi.txt"],
    ),
    "demo": (["demo", "--tasks", "6"], ["demo", "--tasks", "x"]),
}

# Runs beyond each command's success and refusal: branches a success path
# does not take, with the exit code each must give, and the file it writes in
# the language (whose text is checked too).
MORE_RUNS: list[tuple[str, list[str], int, str | None]] = [
    (
        "assign without --due",
        ["assign", "NV-05", "--title", "Báo cáo", "--agency", AGENCY,
         "--assigner", "UBND tỉnh", "--assigned", "01/02/2023"],
        0, None,
    ),
    (
        "correct with a field it does not have",
        ["correct", "NV-02", "due", "01/05/2023", "--reason", "Gõ nhầm"],
        1, None,
    ),
    (
        "correct the agency",
        ["correct", "NV-05", "agency", "Sở Nội vụ", "--reason", "Gõ nhầm"],
        0, None,
    ),
    (
        "config set with a control character",
        ["config", "set", "office", "Văn phòng\x07UBND"],
        1, None,
    ),
    (
        "directory add a name too long",
        ["directory", "add", "agency", "Sở " * 100],
        1, None,
    ),
    ("report as CSV", ["report", "--period", "2023-H1", "--format", "csv"], 0, None),
    (
        "import a row the ledger holds with other facts",
        ["import", "{tmp}/doi.csv", "--skip-invalid",
         "--rejects", "{tmp}/doi-loai.csv"],
        0, "doi-loai.csv",
    ),
]  # fmt: skip

# Words of English messages; identifiers, codes and options are not words.
ENGLISH = frozenset(
    """
    the a an task tasks error not no with recorded usage invalid value
    option options missing try for help is are was were of and cannot
    already must date due assigned completed completion events event ledger
    position fingerprint imported rows row line file from read models such
    command commands database status warning nothing exported restored
    rebuilt schema ready behind stopped agency assigner directory added now
    also names report overdue period total days left progress noted extended
    reopened cancelled corrected deadline before after unknown choose one
    use run give set office setting settings aliases official source group
    name names intact match replay its this that has have been there here
    but empty facts reason rejected field fields title doc lead contains
    """.split()  # noqa: SIM905
)
VIETNAMESE = re.compile(r"[^\x00-\x7f–—→≥…·│─━┃┏┓┗┛┡┩┣┫╇╋┳┻└┘┌┐├┤┬┴┼]")


def invoke(db: str, lang: str, args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(
        main,
        ["--db", db, "--actor", "chuyen-vien", "--lang", lang, *args],
        prog_name="tracker",
    )
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


def command_paths() -> list[str]:
    ctx = click.Context(main)
    paths = []
    for name in main.list_commands(ctx):
        command = main.get_command(ctx, name)
        if isinstance(command, click.Group):
            paths += [f"{name} {sub}" for sub in command.list_commands(ctx)]
        else:
            paths.append(name)
    return paths


def stored_words(db: str) -> set[str]:
    """Every word of the data the ledger (and the demo's ledger, the built-in
    directory, the settings) actually holds: the clerk's own text, shown as
    stored in either language. Values only: a JSON key, a status or a field
    name is the tracker's own word and must be in the language."""
    tasks = json.loads(invoke(db, "en", ["list", "--format", "json"])[1])
    values: list[object] = []
    for task in tasks:
        values += [task[key] for key in TASK_VALUES]
        history = invoke(db, "en", ["history", task["code"], "--format", "json"])[1]
        for event in json.loads(history):
            values += [event.get(key) for key in EVENT_VALUES]
    directory = json.loads(
        invoke(db, "en", ["directory", "list", "--format", "json"])[1]
    )
    for entry in directory["entries"]:
        values += [
            entry["name"],
            entry["aliases"],
            [v["name"] for v in entry["variants"]],
        ]
    values.append(invoke(db, "en", ["config", "get", "office"])[1])
    from cli.demo import DEMO_END, DEMO_START, as_issued
    from tracker.bulk.sample import sample_tasks

    demo_count = int(SUCCESS["demo"][0][-1])
    for sample in sample_tasks(demo_count, start=DEMO_START, end=DEMO_END):
        issued = as_issued(sample)
        values += [issued.title, issued.agency, issued.assigner, issued.document]
        values += [note for _, note in issued.notes]
        values += [reason for *_, reason in issued.extensions]
    text = json.dumps(values, ensure_ascii=False)
    return {w.casefold() for w in re.findall(r"\w+", text)}


TASK_VALUES = ("code", "title", "agency", "co_agencies", "assigner", "document")
EVENT_VALUES = (
    "actor", "title", "assigner", "lead_agency", "co_agencies", "document",
    "text", "reason", "old_value", "new_value",
)  # fmt: skip


def typed_words(tmp: Path) -> set[str]:
    """Every word the test types (arguments and files): what an English
    message may echo in Vietnamese. Not exempt under ``--lang vi``, where a
    typed identifier ("office", "due") echoed bare would read as English."""
    typed = [DATA, SUCCESS, [run[1] for run in MORE_RUNS]]
    texts = [json.dumps(typed, ensure_ascii=False)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(tmp.glob("*.csv"))]
    return {w.casefold() for text in texts for w in re.findall(r"\w+", text)}


def prepare(tmp: Path) -> None:
    header = "Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cấp giao,Ngày giao,Hạn xử lý\n"
    (tmp / "nhiem-vu.csv").write_text(
        header + "NV-10,Lập kế hoạch,Sở Tài chính,UBND tỉnh,01/02/2023,01/06/2023\n",
        encoding="utf-8",
    )
    (tmp / "doi.csv").write_text(
        header + "NV-01,Lập kế hoạch,Sở Tài chính,UBND tỉnh,01/02/2023,\n",
        encoding="utf-8",
    )
    (tmp / "loi.csv").write_text(
        header + "NV-11,Lập kế hoạch,Sở Tài chính,UBND tỉnh,99/02/2023,\n",
        encoding="utf-8",
    )
    (tmp / "lo.txt").write_text(
        'note NV-02 "Đã rà soát" --on 02/04/2023\n', encoding="utf-8"
    )
    (tmp / "lo-loi.txt").write_text(
        'note NV-02 "Đã rà soát" --on 02/04/2023\ncomplete NV-99 --on 01/04/2023\n',
        encoding="utf-8",
    )


def _unfit(output: str, lang: str, known: set[str], tmp: Path) -> list[str]:
    """What in ``output`` is not in ``lang``: English words in Vietnamese
    output, Vietnamese letters in English output, outside the stored data,
    quoted values and commands, options, paths and upper-case metavars."""
    text = output.replace(str(tmp), " ")
    text = re.sub(r"\S+\.(?:json|jsonl|csv|txt|db)\b", " ", text)  # file names
    text = re.sub(r"\{[^}\n]*\}", " ", text)  # choices in a usage line
    text = re.sub(r"(?m)^\t\S+?,?$", " ", text)  # and listed by click's error
    text = re.sub(r"(?m)^[a-z_]+ = ", " ", text)  # a setting's key, as in its file
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", " ", text)  # quoted values, commands
    text = re.sub(r"(?<!\w)--?[a-z][\w-]*", " ", text)
    text = re.sub(r"\btracker( (?!\[)[a-z][\w-]*)*", " ", text)  # usage lines
    words = [w for w in re.findall(r"\w+", text) if w.casefold() not in known]
    if lang == "vi":
        return sorted({w for w in words if not w.isupper() and w.casefold() in ENGLISH})
    return sorted(
        {w for w in words if VIETNAMESE.search(unicodedata.normalize("NFC", w))}
    )


def _takes_arguments(path: str) -> bool:
    ctx = click.Context(main)
    command: click.Command | None = main
    for name in path.split():
        assert isinstance(command, click.Group)
        command = command.get_command(ctx, name)
    assert command is not None
    return any(p.required for p in command.params)


def test_every_command_has_a_success_path_here() -> None:
    assert sorted(command_paths()) == sorted(SUCCESS)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_speaks_the_chosen_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "settings.json"))
    monkeypatch.chdir(tmp_path)
    prepare(tmp_path)
    db = f"sqlite:///{tmp_path}/ledger.db"
    for args in DATA:
        code, output = invoke(db, lang, args)
        assert code == 0, output
    outputs: list[tuple[str, str]] = []
    failures = []
    for path in command_paths():
        success, refusal = SUCCESS.get(path, ([], []))
        runs = [("success", success), ("refusal", refusal)]
        runs.append(("unknown option", [*path.split(), "--khong-co"]))
        if _takes_arguments(path):
            runs.append(("no arguments", path.split()))
        for what, args in runs:
            if not args:
                continue
            args = [a.replace("{tmp}", str(tmp_path)) for a in args]
            if args[0] == "--db":
                args, db_here = args[2:], args[1]
            else:
                db_here = db
            if path == "restore" and what == "success":
                db_here = f"sqlite:///{tmp_path}/restored.db"
            code, output = invoke(db_here, lang, args)
            if what == "success" and code != 0:
                failures.append(f"{path} ({what}) exited {code}: {output.strip()}")
            outputs.append((f"{path} ({what})", output))
    for what, args, expected, written in MORE_RUNS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in args]
        code, output = invoke(db, lang, args)
        if code != expected:
            failures.append(f"{what} exited {code}: {output.strip()}")
        outputs.append((what, output))
        if written is not None:
            text = (tmp_path / written).read_text(encoding="utf-8-sig")
            outputs.append((f"{what}: {written}", text))
    known = stored_words(db)
    if lang == "en":
        known |= typed_words(tmp_path)
    for what, output in outputs:
        unfit = _unfit(output, lang, known, tmp_path)
        if unfit:
            failures.append(f"{what}: {unfit} in: {output.strip()}")
    assert not failures, "\n".join(failures)


def test_history_details_name_fields_in_the_language_with_dates_day_first(
    tmp_path: Path,
) -> None:
    db = f"sqlite:///{tmp_path}/ledger.db"
    for args in DATA:
        assert invoke(db, "vi", args)[0] == 0
    vi = invoke(db, "vi", ["history", "NV-01", "--format", "csv"])[1]
    assert "Thời hạn hoàn thành: 31/03/2023" in vi and "Cấp giao: Thủ tướng" in vi
    assert "Vị trí,Sự kiện,Ngày thực hiện" in vi and "due_on" not in vi
    en = invoke(db, "en", ["history", "NV-01", "--format", "csv"])[1]
    assert "Due: 31/03/2023" in en and "Assigned by: Thủ tướng" in en
    assert en.startswith("position,type,effective_on")
    data = json.loads(invoke(db, "vi", ["history", "NV-01", "--format", "json"])[1])
    assert data[0]["due_on"] == "2023-03-31" and data[0]["type"] == "Assigned"


@pytest.mark.parametrize(
    ("args", "vi_header", "en_header"),
    [
        (
            ["overdue", "--as-of", "30/06/2023", "--format", "csv"],
            "Phần,Mã,Nội dung nhiệm vụ,Cơ quan chủ trì,Cấp giao,Thời hạn hoàn thành",
            "section,code,title,agency,assigner,due_on",
        ),
        (
            ["report", "--period", "2023-H1", "--format", "csv"],
            "Nhóm nguồn giao,Đơn vị,Tổng số,Hoàn thành đúng hạn",
            "source,name,assigned,on_time",
        ),
    ],
    ids=["overdue", "report"],
)
def test_report_csv_speaks_the_language_and_keeps_the_keys_in_english(
    tmp_path: Path, args: list[str], vi_header: str, en_header: str
) -> None:
    db = f"sqlite:///{tmp_path}/ledger.db"
    for recorded in DATA:
        assert invoke(db, "vi", recorded)[0] == 0
    vi = invoke(db, "vi", args)[1].lstrip("\ufeff").splitlines()
    en = invoke(db, "en", args)[1].lstrip("\ufeff").splitlines()
    assert vi[0].startswith(vi_header) and en[0].startswith(en_header)
    assert len(vi) == len(en) >= 2
    assert not any(word in "\n".join(vi[1:]) for word in ("due_soon", "central,"))
