"""The text report off a terminal (plain text, no rich), its order, width and --short."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pzspec.cli.app import app
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "portfolios"
SHORT_OF = str(EXAMPLES / "pz-te-weinig-ervaring.yaml")  # not eligible: something missing
BOX = re.compile(r"[\u2500-\u257f]")
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def check(*args: str, columns: str | None = "100") -> tuple[int, str, str]:
    env = {"NO_COLOR": None, "COLUMNS": columns}
    result = runner.invoke(app, ["check", *args, "--as-of", "2026-01-01"], env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("short", [False, True])
def test_plain_says_the_same_words_in_the_same_order_as_rich(lang: str, short: bool) -> None:
    flags = ["--lang", lang, *(["--short"] if short else [])]
    _, plain, _ = check(SHORT_OF, *flags)
    _, rich, _ = check(SHORT_OF, *flags, "--color", "always")
    assert "┃" in rich and not BOX.search(plain)
    assert plain.split() == BOX.sub(" ", ANSI.sub("", rich)).split()


def test_verdict_then_what_is_missing_then_the_details() -> None:
    code, out, _ = check(SHORT_OF)
    assert code == 1
    lines = out.splitlines()
    order = [
        next(i for i, line in enumerate(lines) if line.startswith(start))
        for start in ("Oordeel: VOLDOET NIET", "Wat ontbreekt", "Eis ", "werkervaring ", "Bronnen")
    ]
    assert order == sorted(order)
    missing = lines[order[1] + 1]
    assert missing == "  • werkervaring: nog 7 maanden relevante werkervaring binnen 60 maanden"


def test_short_report_is_verdict_missing_and_a_line_per_requirement() -> None:
    _, full, _ = check(SHORT_OF)
    code, out, _ = check(SHORT_OF, "--short", columns="200")
    assert code == 1
    assert "Oordeel: VOLDOET NIET" in out and "Wat ontbreekt" in out
    assert "Bronnen" not in out  # no sources
    assert not re.search(r"^ +· ", out, re.MULTILINE)  # no facts
    assert re.search(r"^ +· ", full, re.MULTILINE)
    rows = [line for line in out.splitlines() if re.match(r"^[a-z]+ +\S", line)]
    assert [r.split()[0] for r in rows] == [
        "beroep",
        "registratie",
        "opleiding",
        "werkervaring",
        "overgangsregeling",
        "praktijk",
    ]
    assert len(out.splitlines()) < len(full.splitlines()) / 3
    _, english, _ = check(SHORT_OF, "--short", "--lang", "en")
    assert "What is missing" in english and "Sources" not in english


def test_short_only_for_text() -> None:
    code, out, err = check(SHORT_OF, "--short", "-f", "json")
    assert code == 2 and out == ""
    assert err == "pzspec: --short geldt alleen voor --format text\n"


@pytest.mark.parametrize(("columns", "widest"), [(None, 80), ("60", 60), ("132", 132)])
def test_width_is_columns_else_80(columns: str | None, widest: int) -> None:
    _, out, _ = check(SHORT_OF, columns=columns)
    longest = max(len(line) for line in out.splitlines())
    assert widest - 12 <= longest <= widest


def test_batch_summary_in_plain_text(tmp_path: Path) -> None:
    for name in ("pz-hospice-leergang", "pz-te-weinig-ervaring"):
        (tmp_path / f"{name}.yaml").write_bytes((EXAMPLES / f"{name}.yaml").read_bytes())
    (tmp_path / "kapot.yaml").write_text("pzspec: portfolio/1\nperson: [\n", encoding="utf-8")
    code, out, _ = check(str(tmp_path), "--summary-only")
    assert code == 2
    assert out.splitlines()[:8] == [
        "Samenvatting",
        "Oordeel                           Aantal",
        "voldoet                                1",
        "voldoet via de overgangsregeling       0",
        "beoordeling nodig                      0",
        "voldoet niet                           1",
        "onbruikbaar bestand                    1",
        "",
    ]
    assert "Bestanden die aandacht vragen:" in out
    assert f"onbruikbaar bestand  {tmp_path}/kapot.yaml" in out
    assert f"voldoet niet         {tmp_path}/pz-te-weinig-ervaring.yaml" in out


def test_plain_path_does_not_load_rich() -> None:
    code = (
        "import sys\n"
        "from pzspec.cli.app import app\n"
        "try:\n"
        f"    app(['check', {SHORT_OF!r}, '--as-of', '2026-01-01'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(str(sorted(m for m in sys.modules if m.split('.')[0] == 'rich')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert "Oordeel: VOLDOET NIET" in done.stdout
    assert done.stderr == "[]"


def test_long_words_are_cut_never_wider() -> None:
    from pzspec.render.plain import wrap

    assert wrap("a " + "x" * 25 + " b", 10) == ["a", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx b"]
    assert wrap("een twee drie vier", 9, 2) == ["een twee", "  drie", "  vier"]
    assert wrap("", 10) == [""]


@given(
    words=st.lists(st.text(alphabet="abcé’-", min_size=1, max_size=40), max_size=30),
    width=st.integers(1, 120),
    indent=st.integers(0, 8),
)
def test_wrap_keeps_every_word_within_the_width(words: list[str], width: int, indent: int) -> None:
    from pzspec.render.plain import wrap

    text = " ".join(words)
    lines = wrap(text, width, indent)
    assert all(len(line) <= max(width, indent + 8) for line in lines)
    assert all(line.startswith(" " * indent) for line in lines[1:])
    assert "".join(line.strip() for line in lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_short_report_golden(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_examples import GOLDEN, golden

    monkeypatch.chdir(ROOT)
    _, out, _ = check("examples/portfolios/pz-te-weinig-ervaring.yaml", "--short", "--lang", lang)
    golden(GOLDEN / "text" / f"pz-te-weinig-ervaring.short.{lang}.txt", out)
