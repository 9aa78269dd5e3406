"""The message catalogue (render/locale/<lang>/LC_MESSAGES/pzspec.po and .mo) is complete.

Every code has Dutch and English text with the same placeholders, every code the source
uses exists, the .mo files say what the .po files say, and the .po files are what
``python -m pzspec.render.catalogue export`` writes from the Python dicts.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pzspec.render import catalogue, catalogue_scan, i18n
from pzspec.render.i18n import LANGS, MissingMessage, counted, known, tr

ENTRIES = catalogue.read_entries()


def test_the_catalogue_is_not_empty() -> None:
    assert len(ENTRIES) > 400
    assert ENTRIES["err.not_found"] == ("bestand niet gevonden", "file not found")


def test_both_languages_hold_the_same_codes() -> None:
    nl, en = (set(catalogue.texts(catalogue.read_po(lang))) for lang in LANGS)
    assert sorted(nl ^ en) == []


def test_every_code_has_a_dutch_and_an_english_text() -> None:
    assert list(catalogue.incomplete(ENTRIES)) == []


def test_both_languages_fill_the_same_placeholders() -> None:
    assert list(catalogue.mismatched_placeholders(ENTRIES)) == []


def test_placeholders_are_read_as_format_fields() -> None:
    assert catalogue.placeholders("{n} van {total} ({share})") == {"n", "total", "share"}
    assert catalogue.placeholders("geen") == set()
    assert catalogue.placeholders("open { brace") == {"<unbalanced braces>"}
    assert list(catalogue.mismatched_placeholders({"x.y": ("{a}", "{b}")})) == [
        "x.y: nl fills ['a'], en ['b']"
    ]
    assert list(catalogue.incomplete({"x.y": ("tekst", " ")})) == ["x.y: no en text"]


def test_the_mo_files_are_compiled_from_the_po_files() -> None:
    assert list(catalogue.stale_mo()) == []


def test_the_po_files_hold_the_python_dicts() -> None:
    """Fails while a render/messages_*.py holds pairs the .po files lack: run export."""
    assert list(catalogue.unexported()) == []


def test_export_writes_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    shutil.copytree(catalogue.LOCALE_DIR, tmp_path, dirs_exist_ok=True)
    catalogue.export(tmp_path)
    catalogue.compile_all(tmp_path)
    for lang in LANGS:
        assert (
            catalogue.po_path(lang, tmp_path).read_bytes() == catalogue.po_path(lang).read_bytes()
        )
    assert list(catalogue.stale_mo(tmp_path)) == []


def test_export_keeps_what_the_po_files_hold_and_appends_new_codes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(catalogue, "sources", lambda: {"a.one": ("een {n}", "one {n}")})
    assert list(catalogue.export(tmp_path)) == ["a.one"]
    monkeypatch.setattr(catalogue, "sources", lambda: {"b.two": ("twee", "two")})
    assert list(catalogue.export(tmp_path)) == ["a.one", "b.two"]  # a.one kept, b.two last
    assert catalogue.read_entries(tmp_path) == {
        "a.one": ("een {n}", "one {n}"),
        "b.two": ("twee", "two"),
    }
    assert "#. {n}: a number" in catalogue.po_path("nl", tmp_path).read_text(encoding="utf-8")
    catalogue.compile_all(tmp_path)
    assert list(catalogue.stale_mo(tmp_path)) == []
    catalogue.po_path("en", tmp_path).write_text(
        catalogue.po_path("en", tmp_path).read_text(encoding="utf-8").replace('"two"', '"2"'),
        encoding="utf-8",
    )
    assert len(list(catalogue.stale_mo(tmp_path))) == 1


# --- the codes the source uses -------------------------------------------------------------
def test_every_code_the_source_uses_exists() -> None:
    assert catalogue_scan.missing_codes(ENTRIES) == []


def test_every_code_built_at_run_time_is_declared() -> None:
    assert catalogue_scan.undeclared(ENTRIES) == []


@pytest.mark.parametrize(
    "code",
    [
        "err.not_found",  # a literal argument
        "hint.did_you_mean",  # tr(lang, "...", suggestion=...)
        "type.mapping",  # a dict value (pydantic error types -> codes)
        "yes",  # tr(lang, "yes" if value else "no")
        "status.not-applicable",  # f"status.{s}" with s from the Status Literal
        "verdict.eligible-transition",  # "verdict." + r.verdict
        "count.warnings",  # counted(n, "warning") -> count.warning / count.warnings
        "doc.not_evidenced",  # a template: t('doc.evidenced' if ... else 'doc.not_evidenced')
        "doc.cell.outside",  # a template: t('doc.cell.' ~ c.state)
        "err.unknown_id.het",  # chosen by tr itself
    ],
)
def test_the_scan_finds_codes_in_every_shape_the_source_uses(code: str) -> None:
    assert code in catalogue_scan.used_codes(ENTRIES)
    without = {c: pair for c, pair in ENTRIES.items() if c != code}
    assert [m.split(" ", 1)[0] for m in catalogue_scan.missing_codes(without)] == [code]


def test_the_scan_reads_no_catalogue_dict_as_use() -> None:
    used = catalogue_scan.used_codes(ENTRIES)
    assert not any(where.startswith("pzspec/render/i18n.py:") for where in used.values())


def test_no_unused_codes() -> None:
    """A code nothing asks for is dead text: drop it (``catalogue drop CODE``)."""
    assert catalogue_scan.unused_codes(ENTRIES) == []


def test_the_check_command_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert catalogue.main(["check"]) == 0
    assert "error:" not in capsys.readouterr().err


# --- lookups at run time ---------------------------------------------------------------------
def test_tr_reads_the_compiled_catalogue() -> None:
    assert (
        tr("nl", "err.too_large", size=3, limit=2) == "bestand is te groot (3 bytes, de grens is 2)"
    )
    assert (
        tr("en", "err.too_large", size=3, limit=2) == "file is too large (3 bytes, the limit is 2)"
    )
    assert isinstance(i18n.translations("en"), i18n.gettext.GNUTranslations)
    assert i18n.translations("en") is i18n.translations("en")  # read once


def test_tr_without_arguments_leaves_braces_alone() -> None:
    assert "{as_of: 2026-01-01" in tr("nl", "test.hint.expect")


def test_the_het_word_rule() -> None:
    assert tr("nl", "err.unknown_id", what="opleiding", value="x") == "onbekende opleiding 'x'"
    assert tr("nl", "err.unknown_id", what="beroep", value="x") == "onbekend beroep 'x'"
    assert tr("en", "err.unknown_id", what="profession", value="x") == "unknown profession 'x'"


def test_counted() -> None:
    assert counted("nl", 1, "error") == tr("nl", "count.error", n=1)
    assert counted("en", 2, "error") == tr("en", "count.errors", n=2)


@pytest.fixture
def small_catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A catalogue in which English lacks ``only.nl``."""
    monkeypatch.setattr(
        catalogue,
        "sources",
        lambda: {"a.b": ("Nederlands {x}", "English {x}"), "only.nl": ("alleen", "")},
    )
    catalogue.export(tmp_path)
    catalogue.compile_all(tmp_path)  # Babel leaves the empty English text out of the .mo
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    yield tmp_path
    i18n.translations.cache_clear()


@pytest.mark.usefixtures("small_catalogue")
def test_a_code_english_lacks_is_given_in_dutch() -> None:
    assert tr("en", "a.b", x=1) == "English 1"
    assert tr("en", "only.nl") == "alleen"


@pytest.mark.usefixtures("small_catalogue")
def test_a_code_no_catalogue_holds_is_an_error_not_the_code() -> None:
    with pytest.raises(MissingMessage, match=r"no message 'nope\.x'"):
        tr("nl", "nope.x")
    with pytest.raises(MissingMessage):
        tr("en", "nope.x")
    assert not known("nope.x")
    assert known("a.b")
    assert known("only.nl")


def test_known() -> None:
    assert known("doc.unit.maanden")
    assert not known("doc.unit.weken")
    assert not known("field.no-such-field")


def test_every_call_with_arguments_fills_every_placeholder() -> None:
    assert catalogue_scan.unfilled(ENTRIES) == []


def test_the_scan_finds_a_placeholder_a_call_leaves_empty() -> None:
    changed = ENTRIES | {"hint.did_you_mean": ("bedoelt u {suggestion} of {other}?", "")}
    found = catalogue_scan.unfilled(changed)
    assert found and all(f.endswith("hint.did_you_mean needs ['other']") for f in found)
