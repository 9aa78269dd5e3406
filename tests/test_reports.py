"""HTML and Markdown reports (``pzspec check --format html|markdown``): golden files, -o,
--redact, escaping of untrusted portfolio text, no network resources, and a real render in
headless Chromium. Regenerate goldens on purpose with ``PZSPEC_UPDATE_GOLDEN=1``."""

from __future__ import annotations

import datetime as dt
import html.parser
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.evaluate.months import months_before
from pzspec.load.catalog import templates_dir
from pzspec.models.result import VERDICTS
from pzspec.render import documents
from pzspec.render.i18n import Lang, known, tr
from tests.conftest import ROOT
from tests.test_examples import GOLDEN, golden
from tests.test_months import Period, counted_months

runner = CliRunner()
GOLDEN_EXAMPLES = ["pz-hospice-leergang", "pz-te-weinig-ervaring", "arts-cardiff-postgraduate"]
ALL_EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
EXT = {"html": "html", "markdown": "md"}
PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def check(*args: str, as_of: str = "2026-01-01") -> tuple[int, str]:
    result = runner.invoke(
        app, ["check", *args, "--as-of", as_of], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    return result.exit_code, result.stdout


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the checkout root, so that file names in reports are stable."""
    monkeypatch.chdir(ROOT)


# --- golden files ------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize("name", GOLDEN_EXAMPLES)
def test_document_golden(name: str, fmt: str, lang: str, in_root: None) -> None:
    code, out = check(f"examples/portfolios/{name}.yaml", "--format", fmt, "--lang", lang)
    assert code in (0, 1, 3)
    golden(GOLDEN / EXT[fmt] / f"{name}.{lang}.{EXT[fmt]}", out)


# --- content ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_shows_every_part(lang: str, in_root: None) -> None:
    _, out = check(
        "examples/portfolios/pz-te-weinig-ervaring.yaml", "--format", "html", "--lang", lang
    )
    assert out.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in out
    assert 'class="banner banner--not-eligible"' in out
    assert tr(lang, "verdict.not-eligible") in out
    assert tr(lang, "req.experience.missing", lacking=7, window=60) in out  # what is missing
    # the timeline: 60 months of the window, 17 counted (plus one legend swatch)
    assert out.count('class="cell cell--counted"') == 17 + 1
    assert out.count('class="cell cell--empty"') == 43 + 1
    for year in range(2021, 2026):
        assert f'<span class="tl-year">{year}</span>' in out
    assert out.count('class="domain"') == 6  # the six competency domains
    assert "activity activity--" in out  # practice activities, evidenced or not
    assert tr(lang, "text.provisional_note") in out
    assert tr(lang, "text.sources") in out
    assert tr(lang, "doc.provenance", version="0.1.0", rules="2025-03", as_of="2026-01-01") in out
    assert "@media print" in out and "size: A4" in out
    assert 'name="viewport"' in out


def test_markdown_mirrors_html(in_root: None) -> None:
    _, md = check("examples/portfolios/pz-te-weinig-ervaring.yaml", "--format", "markdown")
    assert md.startswith("# " + tr("nl", "doc.title"))
    assert "| beroep | voldoet |" in md  # requirements as a table
    assert "| werkervaring | voldoet niet \\* |" in md
    assert "nog 7 maanden relevante werkervaring binnen 60 maanden" in md
    assert "| 2024 | □□□ □□□ □■■ ■■■ | 5 |" in md  # the timeline
    assert md.count("\n**") >= 6  # domain titles
    assert "- [ ] " in md  # practice activities as a checklist
    for heading in (
        "doc.requirements",
        "doc.timeline",
        "doc.profile",
        "doc.provisional_notes",
        "text.sources",
    ):
        assert f"## {tr('nl', heading)}\n" in md
    assert "<" not in md  # no HTML at all


def test_several_portfolios_one_document(in_root: None) -> None:
    files = [f"examples/portfolios/{n}.yaml" for n in GOLDEN_EXAMPLES]
    _, out = check(*files, "--format", "html")
    assert out.count("<article ") == 3
    assert out.count("<html") == 1
    assert ".portfolio + .portfolio" in out and "break-before: page" in out
    _, md = check(*files, "--format", "markdown")
    assert md.count("\n# ") + md.startswith("# ") == 3


def test_profession_outside_profile_has_no_timeline(write: Callable[..., Path]) -> None:
    path = write(
        """\
        pzspec: portfolio/1
        person: {name: "X", profession: hbo-verpleegkundige, big: {registered: true}}
        target: arts
        """
    )
    for fmt in ("html", "markdown"):
        code, out = check(str(path), "--format", fmt)
        assert code == 1
        assert tr("nl", "doc.timeline_none") in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_result_without_profile(lang: Lang) -> None:
    from pzspec.evaluate.batch import check_file
    from pzspec.load.catalog import default_book

    day = dt.date(2026, 1, 1)
    outcome = check_file(
        ROOT / "examples/portfolios/vig-overgang-lange-ervaring.yaml",
        default_book(day),
        day,
    )
    assert outcome.result is not None
    result = outcome.result.model_copy(update={"profile": None, "profile_title": None})
    for fmt in ("html", "markdown"):
        out = documents.render([result], fmt, lang)
        assert tr(lang, "doc.no_profile") in out
        assert tr(lang, "doc.no_profile_short") in out


def test_rule_version_this_pzspec_does_not_ship() -> None:
    from pzspec.evaluate.batch import check_file
    from pzspec.load.catalog import default_book

    day = dt.date(2026, 1, 1)
    outcome = check_file(
        ROOT / "examples/portfolios/pz-hospice-leergang.yaml", default_book(day), day
    )
    assert outcome.result is not None
    result = outcome.result.model_copy(update={"rules_version": "2099-01"})
    for fmt in ("html", "markdown"):
        out = documents.render([result], fmt, "nl")
        assert (
            tr("nl", "doc.profile_unavailable", profile="pz-verpleegkundige", version="2099-01")
            in out
        )
        assert "intervisie" in out  # the practice activities come from the result itself


# --- -o and --redact --------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_output_file_is_written_and_never_overwritten(fmt: str, tmp_path: Path) -> None:
    example = str(ROOT / "examples/portfolios/pz-hospice-leergang.yaml")
    target = tmp_path / f"report.{EXT[fmt]}"
    code, out = check(example, "--format", fmt, "-o", str(target))
    assert code == 0 and out == ""
    first = target.read_text(encoding="utf-8")
    assert "A. de Vries" in first
    target.write_text("mine", encoding="utf-8")
    code, _ = check(example, "--format", fmt, "-o", str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "mine"
    code, _ = check(example, "--format", fmt, "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == [target.name]  # no temporary files left
    reports = tmp_path / "rapporten"
    reports.mkdir()
    code, _ = check(example, "--format", fmt, "-o", str(reports))  # a folder: reports + index
    assert code == 0
    assert sorted(p.name for p in reports.iterdir()) == sorted(
        [f"index.{EXT[fmt]}", f"pz-hospice-leergang.{EXT[fmt]}"]
    )
    assert (reports / f"pz-hospice-leergang.{EXT[fmt]}").read_text(encoding="utf-8") == first


@pytest.mark.parametrize("fmt", ["html", "markdown", "json", "text"])
def test_redact_removes_name_and_big_number(fmt: str) -> None:
    example = str(ROOT / "examples/portfolios/pz-hospice-leergang.yaml")
    _, plain = check(example, "--format", fmt)
    _, out = check(example, "--format", fmt, "--redact")
    if fmt != "text":  # the terminal report never shows the BIG number
        assert "19012345601" in plain
    assert "A. de Vries" in plain
    assert "A. de Vries" not in out
    assert "19012345601" not in out
    assert "Vries" not in out


# --- untrusted text ----------------------------------------------------------------------
def xss_portfolio(write: Callable[..., Path], payload: str) -> Path:
    q = '"' + payload.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return write(
        f"""\
        pzspec: portfolio/1
        person:
          name: {q}
          profession: arts
          specialism: {q}
          graduated: 2005-06-30
          big: {{number: "12345678901", registered: true}}
        education:
          - name: {q}
            kind: postgraduate-palliative-medicine
            institution: {q}
            provider: {q}
            completed: 2019-07-01
          - course: basisscholing-pz
            provider: {q}
            completed: 2018-01-01
        experience:
          - employer: {q}
            role: {q}
            setting: {q}
            from: 2018-01-01
            fte: 0.8
            palliative_patient_share: 0.9
          - role: {q}
            from: 2010-01-01
            to: 2017-12-31
        activities:
          - kind: intervisie
            date: 2024-03-12
            description: {q}
        """
    )


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_markup_in_every_free_text_field_stays_text(lang: str, write: Callable[..., Path]) -> None:
    payload = PAYLOAD + " | [x](javascript:alert(1)) **b** `c` &amp; _u_"
    path = xss_portfolio(write, payload)
    code, page = check(str(path), "--format", "html", "--lang", lang)
    assert code in (0, 1, 3), page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    found = tags(page)
    assert {t for t, _ in found} <= {
        "html", "head", "meta", "title", "style", "body", "article", "header", "p", "h1", "h2", "h3",
        "dl", "dt", "dd", "section", "span", "table", "thead", "tbody", "tr", "th", "td", "ul", "ol",
        "li", "div", "strong", "br", "footer", "bdi",
    }  # fmt: skip
    assert not [(t, a) for t, attrs in found for a, _ in attrs if a.startswith("on")]

    _, md = check(str(path), "--format", "markdown", "--lang", lang)
    assert md.count("&lt;script&gt;") >= 4  # name, employer, role, course name
    assert not re.search(r"<[A-Za-z/!?]", md)  # no raw HTML, no autolinks
    assert not re.search(r"(?<!\\)\]\(", md)  # no links
    assert "javascript:alert(1))" in md  # ... but the text is kept
    for row in md.splitlines():
        if row.startswith("| "):  # table rows keep their columns
            assert len(re.findall(r"(?<!\\)\|", row)) in (4, 5), row


def test_markdown_escape() -> None:
    esc = documents.md_escape
    assert esc("a | b") == "a \\| b"
    assert esc("<b>x</b> & y &amp;") == "&lt;b&gt;x&lt;/b&gt; & y &amp;amp;"
    assert esc("[t](u) *e* `c` ~s~ \\") == "\\[t\\](u) \\*e\\* \\`c\\` \\~s\\~ \\\\"
    assert esc("snake_case _em_") == "snake_case \\_em\\_"
    assert esc("# kop") == "\\# kop"
    assert esc("1. item") == "1\\. item"
    assert esc("- item") == "\\- item"
    assert esc("line\nbreak\r\n\tend") == "line break end"
    assert esc(None) == ""


@given(st.text())
def test_markdown_escape_never_leaves_structure(text: str) -> None:
    out = documents.md_escape(text)
    assert "<" not in out and ">" not in out
    assert "\n" not in out and "\r" not in out
    rest = re.sub(r"\\.", "", out)  # every backslash starts an escape pair
    assert not set(rest) & set("|[]*`~\\")


# --- self-contained ----------------------------------------------------------------------
@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=[p.stem for p in ALL_EXAMPLES])
def test_html_fetches_nothing(example: Path) -> None:
    _, page = check(str(example), "--format", "html")
    lowered = page.lower()
    assert not re.search(r"https?://", lowered)
    for forbidden in (
        "<link",
        "<script",
        "<img",
        "<iframe",
        "<object",
        "<embed",
        "@import",
        "url(",
        "src=",
        "@font-face",
    ):
        assert forbidden not in lowered, forbidden
    assert "default-src 'none'" in page  # and the browser is told so


def test_templates_use_known_messages() -> None:
    used: set[str] = set()
    for template in templates_dir().glob("*.j2"):
        used |= set(
            re.findall(r"""\bt\(\s*'([a-z0-9_.-]+)'""", template.read_text(encoding="utf-8"))
        )
    dynamic = [f"verdict.{v}" for v in VERDICTS] + [f"summary.{v}" for v in VERDICTS]
    dynamic += [
        f"status.{s}" for s in ("met", "unmet", "review", "undetermined", "info", "not-applicable")
    ]
    dynamic += [f"doc.cell.{c}" for c in ("counted", "empty", "outside")]
    dynamic += [f"basis.{b}" for b in ("stated", "delphi", "provisional")]
    dynamic += [f"doc.kind.{k}" for k in ("rules", "overlay", "profile")]
    used = {k for k in used if not k.endswith(".")}  # prefixes of the dynamic keys above
    missing = sorted(k for k in used | set(dynamic) if not known(k))
    assert not missing
    assert len(used) > 30


def test_documents_module_loads_jinja2_lazily() -> None:
    code = "import sys, pzspec.render.documents; print('jinja2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the timeline ------------------------------------------------------------------------
def test_window_months_of_the_default_window() -> None:
    as_of = dt.date(2026, 1, 1)
    months = documents.window_months(months_before(as_of, 60), as_of)
    assert len(months) == 60
    assert (months[0], months[-1]) == ("2021-01", "2025-12")
    months = documents.window_months(months_before(dt.date(2026, 1, 20), 60), dt.date(2026, 1, 20))
    assert (len(months), months[0], months[-1]) == (60, "2021-02", "2026-01")


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)), st.integers(1, 120))
def test_window_months_are_the_months_that_can_count(as_of: dt.date, window: int) -> None:
    start = months_before(as_of, window)
    full = counted_months([Period(start, as_of)], start, as_of)
    assert documents.window_months(start, as_of) == [f"{y:04d}-{m:02d}" for y, m in full]


# --- in a real browser -------------------------------------------------------------------
def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_html_renders_in_headless_chromium(tmp_path: Path, write: Callable[..., Path]) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium)")
    files = [
        str(ROOT / f"examples/portfolios/{n}.yaml")
        for n in ("pz-te-weinig-ervaring", "pz-hospice-leergang")
    ]
    files.append(str(xss_portfolio(write, PAYLOAD)))
    page = tmp_path / "report.html"
    code, _ = check(*files, "--format", "html", "-o", str(page))
    assert code == 1
    url = page.as_uri()

    dom = _chromium(browser, tmp_path / "profile", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    text = dom.stdout
    assert tr("nl", "verdict.not-eligible") in text and tr("nl", "verdict.eligible") in text
    assert "H. Smit" in text and "A. de Vries" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # shown as text
    assert "<script" not in text and "<img" not in text  # and never became elements
    articles = text.split("<article")[1:]
    assert [a.count("cell cell--counted") - 1 for a in articles] == [17, 60, 60]  # minus the legend

    shot = tmp_path / "shot.png"
    run = _chromium(
        browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=800,1200", url
    )
    assert shot.exists(), run.stderr[-2000:]
    assert _png_size(shot) == (800, 1200)
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one

    pdf = tmp_path / "print.pdf"
    run = _chromium(
        browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url
    )
    assert pdf.exists(), run.stderr[-2000:]
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert boxes, "no page sizes in the PDF"
    assert all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)  # A4
    assert len(boxes) >= 3  # a page break between portfolios at least


def test_docs_describe_reports() -> None:
    text = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    assert "--redact" in text and "--format html" in text and "--format markdown" in text
