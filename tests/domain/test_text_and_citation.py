"""Diacritics-insensitive keys, task identity and citations."""

from __future__ import annotations

from datetime import date

from domain.citation import parse_citation
from domain.codes import normalise_code, task_id
from domain.text import fold, normalise


def test_fold_ignores_diacritics_case_and_d_stroke() -> None:
    assert fold("Sở Tư pháp") == fold("so tu phap") == "so tu phap"
    assert fold("Đề án 06") == "de an 06"
    assert fold("  UBND   tỉnh ") == "ubnd tinh"


def test_composed_and_decomposed_text_are_stored_alike() -> None:
    decomposed = "So\u031b\u0309 Tu\u031b pha\u0301p"
    assert normalise(decomposed) == "Sở Tư pháp"


def test_task_identity_is_deterministic_and_case_insensitive() -> None:
    assert task_id("nv-2023-0042") == task_id(" NV-2023-0042 ")
    assert task_id("NV-2023-0042") != task_id("NV-2023-0043")
    assert normalise_code(" nv-1 ") == "NV-1"


def test_citation_keeps_the_text_and_parses_number_and_date() -> None:
    citation = parse_citation("495/UBND-TTHC ngày 14/02/2023")
    assert citation.text == "495/UBND-TTHC ngày 14/02/2023"
    assert citation.number == "495/UBND-TTHC"
    assert citation.issued_on == date(2023, 2, 14)


def test_citation_with_a_mistake_is_kept_as_typed() -> None:
    citation = parse_citation("Quyết định số 380/QĐ-UBND ngày 31/02/2022")
    assert citation.number == "380/QĐ-UBND"
    assert citation.issued_on is None
    assert citation.text == "Quyết định số 380/QĐ-UBND ngày 31/02/2022"


def test_empty_citation() -> None:
    assert parse_citation(None).number is None
