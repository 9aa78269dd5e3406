"""The index of a report folder (``pzspec check DIR -f html|markdown -o MAP/``).

One row per input file, in input order: the file, a link to its report and the verdict (or
"onbruikbaar bestand" and the problem); at the end the counts per verdict. It is written
as the batch runs (``head``, then ``row`` per file, then ``tail``), so nothing is kept.
Everything from the input (file names, problems) is escaped like portfolio text in the
reports; the HTML page fetches nothing (the same Content-Security-Policy as a report).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING
from urllib.parse import quote

from pzspec.errors import one_line, visible
from pzspec.render.i18n import Lang, tr
from pzspec.render.markup import md_escape

if TYPE_CHECKING:
    from pzspec.evaluate.batch import Tally

VERDICTS = ("eligible", "eligible-transition", "needs-review", "not-eligible")
INDEX = {"html": "index.html", "markdown": "index.md"}
_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
    "table{border-collapse:collapse;width:100%;margin:1rem 0}"
    "th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ccc}"
    ".eligible,.eligible-transition{color:#176b2c}.needs-review{color:#8a5a00}"
    ".not-eligible,.error{color:#a11}td.n{text-align:right}"
)


def _h(text: str) -> str:
    return html.escape(visible(one_line(text)))


def head(fmt: str, lang: Lang) -> str:
    title = tr(lang, "doc.index.title")
    cols = (tr(lang, "doc.index.col.file"), tr(lang, "text.col.verdict"))
    if fmt == "markdown":
        return (
            f"# {md_escape(title)}\n\n{md_escape(tr(lang, 'doc.title'))}\n\n"
            f"| {cols[0]} | {cols[1]} |\n|---|---|\n"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_h(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"<h1>{_h(title)}</h1>\n<p>{_h(tr(lang, 'doc.title'))}</p>\n"
        f"<table>\n<thead><tr><th>{_h(cols[0])}</th><th>{_h(cols[1])}</th></tr></thead>\n"
        "<tbody>\n"
    )


def row(
    fmt: str, lang: Lang, file: str, link: str | None, verdict: str | None, problem: str | None
) -> str:
    """One file: ``link`` (a name in the folder) when it has a report, its ``verdict``, or
    the ``problem`` that kept it from being checked."""
    if verdict is not None:
        said, kind = tr(lang, "verdict." + verdict), verdict
    else:
        said, kind = tr(lang, "text.unusable"), "error"
        if problem:
            said += ": " + problem
    if fmt == "markdown":
        name = md_escape(file)
        shown = f"[{name}]({quote(link)})" if link else name
        return f"| {shown} | {md_escape(said)} |\n"
    name = f"<bdi>{_h(file)}</bdi>"
    if link:
        name = f'<a href="{html.escape(quote(link))}">{name}</a>'
    return f'<tr><td>{name}</td><td class="{kind}">{_h(said)}</td></tr>\n'


def tail(fmt: str, lang: Lang, tally: Tally) -> str:
    """The counts per verdict (and of unusable files), then the end of the page."""
    counts = [(tr(lang, "verdict." + v), tally.verdicts[v]) for v in VERDICTS]
    unusable = tally.verdicts["error"] + tally.verdicts["internal"]
    if unusable:
        counts.append((tr(lang, "text.unusable"), unusable))
    title = tr(lang, "text.summary_title")
    cols = (tr(lang, "text.col.verdict"), tr(lang, "text.col.count"))
    if fmt == "markdown":
        lines = [f"\n## {md_escape(title)}\n", f"| {cols[0]} | {cols[1]} |", "|---|---:|"]
        lines += [f"| {md_escape(label)} | {n} |" for label, n in counts]
        return "\n".join(lines) + "\n"
    rows = "".join(f'<tr><td>{_h(label)}</td><td class="n">{n}</td></tr>\n' for label, n in counts)
    return (
        f"</tbody>\n</table>\n<h2>{_h(title)}</h2>\n<table>\n"
        f"<thead><tr><th>{_h(cols[0])}</th><th>{_h(cols[1])}</th></tr></thead>\n<tbody>\n"
        f"{rows}</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )
