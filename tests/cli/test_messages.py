"""The translation layer: templates matched whole, values carried over, and
click's catalog compiled from its ``.po``."""

from __future__ import annotations

import pytest

from cli.locale import LOCALE_DIR, catalog
from cli.locale.compile import compile_po
from cli.main import language_of
from cli.messages import translate


def test_committed_mo_files_equal_a_fresh_compilation_of_their_po() -> None:
    catalogs = sorted(LOCALE_DIR.rglob("*.po"))
    assert catalogs
    for po in catalogs:
        mo = po.with_suffix(".mo")
        assert mo.read_bytes() == compile_po(po.read_text(encoding="utf-8")), po


def test_click_catalog_translates_its_usage_words() -> None:
    assert catalog("vi").gettext("Usage:") == "Cách dùng:"
    assert catalog("en").gettext("Usage:") == "Usage:"


def test_a_message_keeps_its_values_and_nested_messages_are_translated() -> None:
    assert translate("vi", "line 3: No task with code NV-2023-0042.") == (
        "dòng 3: Không có nhiệm vụ nào mang mã NV-2023-0042."
    )
    assert translate("vi", "The due date must not be empty.") == (
        "Thời hạn hoàn thành không được để trống."
    )


def test_the_error_prefix_stays_first_when_a_template_begins_with_a_value() -> None:
    from cli.main import error_line
    from domain.errors import TaskRuleError

    refusal = TaskRuleError("'due' cannot be corrected; choose one of title, doc.")
    assert error_line(refusal, "vi") == (
        "Lỗi: Không thể đính chính 'due'; hãy chọn một trong các trường title, doc.",
        refusal.exit_code,
    )
    assert error_line(refusal, "en")[0] == f"Error: {refusal}"


def test_the_correctable_fields_are_listed_with_their_meaning() -> None:
    from domain.corrections import CORRECTABLE_FIELDS

    fields = ", ".join(CORRECTABLE_FIELDS)
    text = translate("vi", f"'x' cannot be corrected; choose one of {fields}.")
    assert all(f"'{field}' (" in text for field in CORRECTABLE_FIELDS), text


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        # An agency named like a catalogued field, a code like an ISO date.
        (
            "Assigned 2023-02-01 to agency (due 01/03/2023).",
            "Đã giao nhiệm vụ 2023-02-01 cho agency (thời hạn 01/03/2023).",
        ),
        (
            "Reassigned NV-1 to due date.",
            "Đã chuyển nhiệm vụ NV-1 cho due date chủ trì.",
        ),
        (
            "The directory has no agency named title.",
            "Danh mục không có cơ quan nào tên là title.",
        ),
    ],
)
def test_a_clerks_value_is_carried_over_as_typed(english: str, vietnamese: str) -> None:
    assert translate("vi", english) == vietnamese


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("The due date must not be empty.", "Thời hạn hoàn thành không được để trống."),
        (
            "Task NV-1: the completion date 2023-07-01 is in the future (today is "
            "2023-06-30).",
            "Nhiệm vụ NV-1: ngày hoàn thành 01/07/2023 là ngày trong tương lai (hôm "
            "nay là 30/06/2023).",
        ),
        (
            "Cannot read x.csv: Permission denied.",
            "Không đọc được x.csv: không có quyền truy cập.",
        ),
        (
            "row 4 (NV-1): title: The title must not be empty.",
            "dòng 4 (NV-1): nội dung nhiệm vụ: Nội dung nhiệm vụ không được để trống.",
        ),
    ],
)
def test_a_catalogued_phrase_in_a_value_is_translated(
    english: str, vietnamese: str
) -> None:
    assert translate("vi", english) == vietnamese


def test_an_iso_date_in_a_value_is_shown_day_first() -> None:
    assert translate("vi", "Cannot sweep as of 2023-06-30: it is in the future.") == (
        "Không thể rà soát quá hạn tính đến ngày 30/06/2023: đó là ngày trong "
        "tương lai."
    )


def test_sentences_are_matched_one_by_one() -> None:
    text = "Imported 2 tasks; 0 already in the ledger unchanged; 1 rejected. "
    text += "Rejected rows written to loi.csv."
    assert translate("vi", text) == (
        "Đã nhập 2 nhiệm vụ; 0 nhiệm vụ đã có trong nhật ký, không đổi; 1 dòng "
        "bị loại. Các dòng bị loại đã ghi vào loi.csv."
    )


@pytest.mark.parametrize("text", ["Something no template knows.", "Sở Tư pháp"])
def test_unmatched_text_and_english_stay_as_they_are(text: str) -> None:
    assert translate("vi", text) == text
    assert translate("en", "No task with code NV-1.") == "No task with code NV-1."


@pytest.mark.parametrize(
    ("args", "lang"),
    [
        ([], "vi"),
        (["--lang", "en", "list"], "en"),
        (["--db", "x.db", "--lang=en", "list"], "en"),
        (["--actor", "--lang", "list"], "vi"),  # --lang is the actor's name
        (["list", "--lang", "en"], "vi"),  # after the command: not global
        (["--lang", "fr"], "vi"),  # refused by click, in the default
    ],
)
def test_the_language_is_read_from_the_global_options(
    args: list[str], lang: str
) -> None:
    assert language_of(args) == lang


def test_every_catalog_template_keeps_its_placeholders() -> None:
    from cli.messages import PLACEHOLDER, templates

    assert templates()  # compiled from every module of cli.catalog
    import importlib
    import pkgutil

    import cli.catalog

    for info in pkgutil.iter_modules(cli.catalog.__path__):
        module = importlib.import_module(f"cli.catalog.{info.name}")
        for english, vietnamese in module.VI.items():
            wanted = set(PLACEHOLDER.findall(english))
            assert set(PLACEHOLDER.findall(vietnamese)) <= wanted, (info.name, english)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--khong-co"], "Lỗi: Không có tùy chọn '--khong-co'."),
        (["--lang", "fr", "list"], "Lỗi: Giá trị không hợp lệ cho '--lang'"),
        (["--actor", "A", "--lang", "en", "nope"], "Error: No such command 'nope'."),
        (["nope", "--lang", "en"], "Lỗi: Không có lệnh 'nope'."),
    ],
)
def test_click_speaks_the_language_of_the_global_options(
    args: list[str], expected: str
) -> None:
    from click.testing import CliRunner

    from cli.main import main

    result = CliRunner().invoke(main, args, prog_name="tracker")
    assert result.exit_code == 2 and expected in result.stderr
