"""Reminder letters (``tracker letters``) as a clerk runs them, each letter
opened with python-docx as the agency would read it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from docx import Document

from cli.documents import letters as rendering
from cli.documents.letters import file_names, long_date, place_of
from cli.documents.make_letter_template import TEMPLATE_FILES, TEMPLATES, build
from tests.cli import helpers
from tests.cli.helpers import as_json, event_count

OFFICE = "Văn phòng UBND tỉnh Quảng Ngãi"
TRICKY = "Rà soát <thủ tục> & hồ sơ"


@pytest.fixture(autouse=True)
def _office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CONFIG", str(tmp_path / "settings.json"))
    helpers.ok(f"sqlite:///{tmp_path / 'none.db'}", "config", "set", "office", OFFICE)


def run(db_url: str, *args: str) -> Result:
    return helpers.run(db_url, "--lang", "en", *args)


def ok(db_url: str, *args: str) -> Result:
    return helpers.ok(db_url, "--lang", "en", *args)


def _ledger(db_url: str) -> None:
    """Two agencies with overdue tasks on 30/06/2023, one with a task falling
    due, and a completed task that no letter chases."""
    lines = [
        f'assign NV-01 --title "{TRICKY}" --agency "Sở Tư pháp" '
        '--assigner "UBND tỉnh" --assigned 01/02/2023 --due 31/03/2023 '
        '--doc "495/UBND-TTHC ngày 14/02/2023"',
        'assign NV-02 --title "Số hóa hồ sơ" --agency "Sở Tư pháp" '
        '--assigner "UBND tỉnh" --assigned 01/03/2023 --due 31/05/2023',
        'assign NV-03 --title "Công bố danh mục" --agency "Sở Nội vụ" '
        '--assigner "Chủ tịch UBND tỉnh" --assigned 01/03/2023 --due 15/06/2023',
        'assign NV-04 --title "Báo cáo quý" --agency "Sở Nội vụ" '
        '--assigner "UBND tỉnh" --assigned 01/03/2023 --due 05/07/2023',
        'assign NV-05 --title "Kiểm tra" --agency "Sở Y tế" '
        '--assigner "UBND tỉnh" --assigned 01/03/2023 --due 10/07/2023',
        'assign NV-06 --title "Xong" --agency "Sở Tư pháp" '
        '--assigner "UBND tỉnh" --assigned 01/03/2023 --due 01/04/2023',
        "complete NV-06 --on 30/03/2023",
    ]
    helpers.ok(db_url, "batch", "-", input="\n".join(lines) + "\n")


def _read(path: Path) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """The letter's paragraphs, its heading's two cells, and the rows of its
    table of tasks (header first)."""
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs if p.text.strip()]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables[0], tables[1]


def _files(folder: Path) -> list[str]:
    """Everything in the folder, hidden files included."""
    return sorted(p.name for p in folder.iterdir())


def test_one_letter_per_agency_with_its_overdue_tasks(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    result = helpers.ok(
        db_url, "letters", "--as-of", "30/06/2023", "--output", str(out)
    )
    assert _files(out) == ["So-Noi-vu.docx", "So-Tu-phap.docx"]
    assert result.stdout.splitlines() == [
        f"Đã viết công văn gửi Sở Tư pháp: {out / 'So-Tu-phap.docx'} (2 nhiệm vụ).",
        f"Đã viết công văn gửi Sở Nội vụ: {out / 'So-Noi-vu.docx'} (1 nhiệm vụ).",
        "Đã viết 2 công văn về 3 nhiệm vụ, tính đến ngày 30/06/2023.",
    ]
    paragraphs, heading, rows = _read(out / "So-Tu-phap.docx")
    office, motto = heading[0]
    assert office.splitlines()[0] == OFFICE.upper()
    assert "Số: …………" in office and "V/v đôn đốc thực hiện nhiệm vụ" in office
    assert motto.splitlines()[-1] == "Quảng Ngãi, ngày 30 tháng 6 năm 2023"
    assert paragraphs[0] == "Kính gửi: Sở Tư pháp."
    assert "còn 2 nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành," in paragraphs[1]
    assert "trước ngày 07/07/2023" in paragraphs[2]
    assert rows[0] == [
        "STT",
        "Nội dung nhiệm vụ",
        "Văn bản giao",
        "Thời hạn",
        "Số ngày quá hạn / còn lại",
        "Số lần đã đôn đốc",
    ]
    assert rows[1:] == [
        ["1", f"{TRICKY} (NV-01)", "495/UBND-TTHC ngày 14/02/2023", "31/03/2023",
         "quá hạn 91 ngày", "0"],
        ["2", "Số hóa hồ sơ (NV-02)", "", "31/05/2023", "quá hạn 30 ngày", "0"],
    ]  # fmt: skip
    _, _, rows = _read(out / "So-Noi-vu.docx")
    assert [row[1:5] for row in rows[1:]] == [
        ["Công bố danh mục (NV-03)", "", "15/06/2023", "quá hạn 15 ngày"]
    ]


def test_due_within_adds_the_tasks_falling_due(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    args = ("letters", "--as-of", "30/06/2023", "--due-within", "10")
    helpers.ok(db_url, *args, "--output", str(out))
    assert _files(out) == ["So-Noi-vu.docx", "So-Tu-phap.docx", "So-Y-te.docx"]
    paragraphs, _, rows = _read(out / "So-Noi-vu.docx")
    assert [(row[1], row[4]) for row in rows[1:]] == [
        ("Công bố danh mục (NV-03)", "quá hạn 15 ngày"),
        ("Báo cáo quý (NV-04)", "còn 5 ngày"),
    ]
    assert (
        "1 nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành và 1 nhiệm vụ sắp "
        in (paragraphs[1])
    )
    paragraphs, _, rows = _read(out / "So-Y-te.docx")
    assert [(row[1], row[4]) for row in rows[1:]] == [
        ("Kiểm tra (NV-05)", "còn 10 ngày")
    ]
    assert "còn 1 nhiệm vụ sắp đến hạn, cụ thể" in paragraphs[1]


def test_agency_picks_one_letter(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    args = ("letters", "--as-of", "30/06/2023", "--agency", "so noi vu")
    result = ok(db_url, *args, "--output", str(out))
    assert _files(out) == ["So-Noi-vu.docx"]
    assert (
        result.stdout.splitlines()[-1] == "Wrote 1 letter on 1 task as of 30/06/2023."
    )


def test_english_letters_and_the_reply_date(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "letters"
    args = ("letters", "--as-of", "30/06/2023", "--reply-by", "14/07/2023")
    ok(db_url, *args, "--doc", "1018/UBND-CCHC", "--output", str(out))
    paragraphs, heading, rows = _read(out / "So-Tu-phap.docx")
    assert "No.: 1018/UBND-CCHC" in heading[0][0]
    assert heading[0][1].splitlines()[-1] == "Quảng Ngãi, 30 June 2023"
    assert paragraphs[0] == "To: Sở Tư pháp."
    assert "by 14/07/2023" in paragraphs[2]
    assert rows[0][4] == "Days overdue / left"
    assert [row[4] for row in rows[1:]] == ["91 days overdue", "30 days overdue"]


def test_json_names_each_letter_and_its_tasks(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    args = ("letters", "--as-of", "30/06/2023", "--due-within", "7")
    data = as_json(db_url, *args, "--output", str(out))
    assert data == {
        "as_of": "2023-06-30",
        "reply_by": "2023-07-07",
        "document": None,
        "recorded": False,
        "letters": [
            {"agency": "Sở Tư pháp", "path": str(out / "So-Tu-phap.docx"),
             "overdue": ["NV-01", "NV-02"], "due_soon": []},
            {"agency": "Sở Nội vụ", "path": str(out / "So-Noi-vu.docx"),
             "overdue": ["NV-03"], "due_soon": ["NV-04"]},
        ],
    }  # fmt: skip


def test_agencies_whose_names_fold_alike_get_a_file_each(
    db_url: str, tmp_path: Path
) -> None:
    lines = [
        f'assign A-{n} --title "Việc" --agency "{agency}" --assigner "UBND tỉnh" '
        "--assigned 01/02/2023 --due 31/03/2023"
        for n, agency in enumerate(("Sở Tư pháp", "Sở Tư-pháp"))
    ]
    helpers.ok(db_url, "batch", "-", input="\n".join(lines) + "\n")
    out = tmp_path / "cong-van"
    helpers.ok(db_url, "letters", "--as-of", "30/06/2023", "--output", str(out))
    assert _files(out) == ["So-Tu-phap-2.docx", "So-Tu-phap.docx"]
    addressees = {_read(out / name)[0][0] for name in _files(out)}
    assert addressees == {"Kính gửi: Sở Tư pháp.", "Kính gửi: Sở Tư-pháp."}


def test_file_names_drop_diacritics_and_never_collide() -> None:
    names = ["Sở Tư pháp", "SỞ TƯ PHÁP", "Sở Tư pháp!", "Đài PT-TH", "CON", "!!", "京"]
    assert file_names(names) == [
        "So-Tu-phap.docx",
        "SO-TU-PHAP-2.docx",
        "So-Tu-phap-3.docx",
        "Dai-PT-TH.docx",
        "CON-1.docx",
        "co-quan.docx",
        "co-quan-2.docx",
    ]
    assert file_names(["../../etc/passwd"]) == ["etc-passwd.docx"]


@pytest.mark.parametrize(
    ("day", "lang", "shown"),
    [
        ("2026-02-05", "vi", "ngày 05 tháng 02 năm 2026"),
        ("2026-12-01", "vi", "ngày 01 tháng 12 năm 2026"),
        ("2026-03-15", "vi", "ngày 15 tháng 3 năm 2026"),
        ("2026-02-05", "en", "5 February 2026"),
    ],
)
def test_the_date_line_is_written_as_official_letters_write_it(
    day: str, lang: str, shown: str
) -> None:
    from datetime import date

    assert long_date(date.fromisoformat(day), lang) == shown


def test_the_place_comes_from_the_office_name() -> None:
    assert place_of("Văn phòng UBND tỉnh Quảng Ngãi") == "Quảng Ngãi"
    assert place_of("Văn phòng UBND thành phố Đà Nẵng") == "Đà Nẵng"
    assert place_of("Văn phòng HĐND và UBND huyện Bình Sơn") == "Bình Sơn"
    assert place_of("Văn phòng UBND tỉnh") == "…………"


# --- recording the reminders the letters send -------------------------------
# These read the reminder fields of the overdue list and rely on
# ``TaskLedger.remind_tasks`` (issue 16, item 1).


def test_record_reminds_every_task_listed_with_the_letter_number(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    before = event_count(db_url)
    args = ("letters", "--as-of", "30/06/2023", "--due-within", "7")
    result = ok(
        db_url, *args, "--doc", "1018/UBND-CCHC", "--record", "--output", str(tmp_path)
    )
    assert result.stdout.splitlines()[-1] == (
        "Recorded 4 reminders with the letter 1018/UBND-CCHC."
    )
    assert event_count(db_url) == before + 4
    data = as_json(db_url, "overdue", "--as-of", "01/07/2023", "--due-within", "7")
    reminded = [
        (e["code"], e["reminders"], e["last_reminded_on"], e["last_reminder_doc"])
        for e in (*data["overdue"], *data["due_soon"])
    ]
    assert sorted(reminded) == [
        (code, 1, "2023-06-30", "1018/UBND-CCHC")
        for code in ("NV-01", "NV-02", "NV-03", "NV-04")
    ]
    # The next week's letter counts the reminder already sent.
    out = tmp_path / "tuan-sau"
    helpers.ok(db_url, "letters", "--as-of", "07/07/2023", "--output", str(out))
    _, _, rows = _read(out / "So-Tu-phap.docx")
    assert [(row[1][-6:-1], row[5]) for row in rows[1:]] == [
        ("NV-01", "1"),
        ("NV-02", "1"),
    ]


def test_letters_as_known_before_the_reminders_count_none(
    db_url: str, tmp_path: Path
) -> None:
    from datetime import datetime

    from tracker.settings import VIETNAM

    _ledger(db_url)
    before_reminding = datetime.now(VIETNAM).isoformat()
    args = ("letters", "--as-of", "30/06/2023")
    ok(db_url, *args, "--doc", "1/VP", "--record", "--output", str(tmp_path / "a"))
    now, then = tmp_path / "now", tmp_path / "then"
    ok(db_url, *args, "--output", str(now))
    ok(db_url, *args, "--as-known-at", before_reminding, "--output", str(then))
    assert [row[5] for row in _read(now / "So-Tu-phap.docx")[2][1:]] == ["1", "1"]
    assert [row[5] for row in _read(then / "So-Tu-phap.docx")[2][1:]] == ["0", "0"]


def test_a_refused_reminder_records_nothing_and_writes_no_letter(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    args = ("letters", "--as-of", "30/06/2023", "--doc", "1018/UBND-CCHC", "--record")
    ok(db_url, *args, "--output", str(tmp_path / "tuan-1"))
    before = event_count(db_url)
    # The same letter again: its tasks were reminded by that number already.
    again = tmp_path / "tuan-1-lai"
    result = run(db_url, *args, "--output", str(again))
    assert result.exit_code == 1
    assert "already reminded by 1018/UBND-CCHC" in result.stderr
    assert not again.exists()
    assert event_count(db_url) == before


def test_a_reminder_in_the_future_refuses_the_letters_and_keeps_the_folder(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    before = event_count(db_url)
    out = tmp_path / "cong-van"
    out.mkdir()
    (out / "ghi-chu.txt").write_text("của văn thư", encoding="utf-8")
    args = ("letters", "--as-of", "31/12/2199", "--doc", "9/VP", "--record")
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code == 1, result.output
    assert _files(out) == ["ghi-chu.txt"]  # no letter, no hidden folder
    assert event_count(db_url) == before


# --- refusals: nothing written, no folder left behind -----------------------


def test_record_needs_the_letter_number(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    result = run(
        db_url, "letters", "--as-of", "30/06/2023", "--record", "--output", str(out)
    )
    assert result.exit_code == 2
    assert "--record needs --doc NUMBER" in result.stderr
    assert not out.exists()


def test_nothing_overdue_is_refused(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    result = run(db_url, "letters", "--as-of", "01/03/2023", "--output", str(out))
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: No agency has overdue tasks on 01/03/2023."
    vietnamese = helpers.run(
        db_url, "letters", "--as-of", "01/03/2023", "--agency", "y te",
        "--due-within", "3", "--output", str(out),
    )  # fmt: skip
    assert vietnamese.stderr.strip() == (
        "Lỗi: Không có cơ quan nào khớp với y te có nhiệm vụ quá hạn hoặc sắp đến "
        "hạn trong 3 ngày tính đến ngày 01/03/2023."
    )
    assert not out.exists()


def test_an_output_that_is_a_file_or_has_no_parent_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    a_file = tmp_path / "cong-van.docx"
    a_file.write_bytes(b"")
    result = run(db_url, "letters", "--as-of", "30/06/2023", "--output", str(a_file))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: Cannot write the letters into {a_file}: it is a file, not a folder."
    )
    nowhere = tmp_path / "khong-co" / "cong-van"
    result = run(db_url, "letters", "--as-of", "30/06/2023", "--output", str(nowhere))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not nowhere.parent.exists()


def test_a_letter_that_would_replace_a_folder_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    (out / "So-Noi-vu.docx").mkdir(parents=True)
    result = run(db_url, "letters", "--as-of", "30/06/2023", "--output", str(out))
    assert result.exit_code == 2
    assert "it is not a regular file" in result.stderr
    assert _files(out) == ["So-Noi-vu.docx"]


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    from docx import Document as New

    document = New()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "mau.docx"
    document.save(str(path))
    return path


def test_a_template_that_is_not_a_word_document_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    text = tmp_path / "mau.docx"
    text.write_text("Kính gửi {{ agency }}", encoding="utf-8")
    workbook = tmp_path / "bang.docx"
    from openpyxl import Workbook

    Workbook().save(str(workbook))
    hollow = tmp_path / "rong.docx"
    with zipfile.ZipFile(hollow, "w") as archive:
        archive.writestr("[Content_Types].xml", rendering.MAIN_PART)
    for template in (text, workbook, hollow):
        args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
        result = run(db_url, *args, "--output", str(out))
        assert result.exit_code == 2, result.output
        assert result.stderr.strip() == (
            f"Error: The template {template} is not a Word .docx document (save it "
            "as .docx in Word or LibreOffice)."
        )
    assert not out.exists()


def test_a_template_naming_unknown_fields_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    template = _template(tmp_path, "Kính gửi {{ agency }}", "{{ signer }} {{ seal }}")
    args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: The template {template} uses fields that do not exist: seal, signer;"
        " the fields are office, place, number,"
    )
    assert not out.exists()


def test_a_template_that_does_not_parse_is_refused(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    template = _template(tmp_path, "Kính gửi {{ agency ", "{% for t in tasks %}")
    args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: The template {template} is not a valid template: "
    )
    assert not out.exists()


def test_a_template_reading_an_unknown_task_field_is_refused(
    db_url: str, tmp_path: Path
) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    template = _template(tmp_path, "{% for t in tasks %}{{ t.owner }}{% endfor %}")
    args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code == 2
    assert "cannot be filled in" in result.stderr and "owner" in result.stderr
    assert not out.exists()


def test_a_template_that_runs_python_is_refused(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    template = _template(tmp_path, "{{ agency.__class__.__mro__ }}")
    args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code == 2
    assert "attribute '__class__' of 'str' object is unsafe" in result.stderr
    assert not out.exists()


def test_the_offices_own_template_is_filled_in(db_url: str, tmp_path: Path) -> None:
    _ledger(db_url)
    out = tmp_path / "cong-van"
    template = _template(
        tmp_path,
        "{{ office }} gửi {{ agency }}: {{ task_count }} việc, hạn {{ reply_by }}",
        "{% for t in tasks %}{{ t.code }}={{ t.days_overdue }};{% endfor %}",
    )
    args = ("letters", "--as-of", "30/06/2023", "--template", str(template))
    ok(db_url, *args, "--output", str(out))
    document = Document(str(out / "So-Tu-phap.docx"))
    assert [p.text for p in document.paragraphs] == [
        f"{OFFICE} gửi Sở Tư pháp: 2 việc, hạn 07/07/2023",
        "NV-01=91;NV-02=30;",
    ]


# --- the templates that ship with the tracker -------------------------------


@pytest.mark.parametrize("lang", sorted(TEMPLATE_FILES))
def test_the_shipped_templates_are_what_their_script_makes(lang: str) -> None:
    """``make_letter_template`` is the templates' source: the committed files
    hold what it builds (regenerate them after changing it)."""
    made = io.BytesIO()
    build(lang).save(made)
    shipped = TEMPLATES / TEMPLATE_FILES[lang]
    with zipfile.ZipFile(made) as fresh, zipfile.ZipFile(shipped) as committed:
        assert fresh.read("word/document.xml") == committed.read("word/document.xml")
    assert rendering.checked_template(shipped)


def test_a_letter_that_cannot_be_moved_takes_back_the_others_and_the_reminders(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reminders commit after the last letter is in place: a move that
    fails records nothing and leaves no letter (so a killed process can
    leave letters unrecorded, never reminders without their letters)."""
    import cli.letter_commands

    _ledger(db_url)
    before = event_count(db_url)
    real, moves = cli.letter_commands.os.replace, []

    def replace_twice(source: Any, target: Any) -> None:
        if len(moves) == 1:
            raise OSError(28, "No space left on device")
        moves.append(target)
        real(source, target)

    monkeypatch.setattr(cli.letter_commands.os, "replace", replace_twice)
    out = tmp_path / "cong-van"
    args = ("letters", "--as-of", "30/06/2023", "--doc", "9/VP", "--record")
    result = run(db_url, *args, "--output", str(out))
    assert result.exit_code != 0
    assert moves and not any(Path(path).exists() for path in moves)
    assert event_count(db_url) == before
    assert not out.exists()
