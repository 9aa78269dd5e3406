"""The check report as plain text: for a pipe, a file or ``less`` (no terminal).

The same words in the same order as the terminal report (``render/text.py``; both draw
from ``render/plain_layout.py``), without box drawing or styling, wrapped at the width the
CLI gives (``COLUMNS``, else 80). Columns are aligned with spaces; a long explanation
continues under its column. This module never imports rich: a batch into a file or a pipe
costs about what ``--format jsonl`` costs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pzspec.errors import no_commands
from pzspec.errors import one_line as _s
from pzspec.models.result import CheckResult
from pzspec.render.i18n import Lang, tr
from pzspec.render.plain_layout import Layout, Row, layout

if TYPE_CHECKING:
    from pzspec.evaluate.batch import Tally

ATTENTION_SHOWN = 50
VERDICTS = ("eligible", "eligible-transition", "needs-review", "not-eligible")
GAP = "  "
BULLET = "  • "
NARROWEST = 20  # an explanation column narrower than this goes under its requirement


def wrap(text: str, width: int, indent: int = 0) -> list[str]:
    """Greedy word wrap: the first line ``width`` wide, the others ``width - indent`` wide
    and indented by ``indent`` spaces. A word longer than a line is cut."""
    width = max(width, indent + 8)
    if len(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for whole in text.split():
        room = width - indent if lines else width
        if line and len(line) + 1 + len(whole) <= room:
            line += " " + whole
            continue
        if line:
            lines.append(line)
        item = whole
        room = width - indent if lines else width
        while len(item) > room:
            lines.append(item[:room])
            item, room = item[room:], width - indent
        line = item
    if line or not lines:
        lines.append(line)
    pad = " " * indent
    return lines[:1] + [pad + rest for rest in lines[1:]]


def render(results: list[CheckResult], lang: Lang, *, width: int = 80, short: bool = False) -> str:
    """One report per result, separated by a blank line and a line of dashes."""
    parts = [report(layout(r, lang), width, short=short) for r in results]
    return no_commands(("\n" + "-" * width + "\n\n").join(parts))


def report(lay: Layout, width: int, *, short: bool = False) -> str:
    lines = _head(lay, width)
    lines += _missing(lay, width)
    lines += _requirements(lay, width, short=short)
    if short:
        if lay.any_star:
            lines += wrap(lay.star_note, width)
    else:
        lines += _parameters(lay, width)
        lines += _sources(lay, width)
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _head(lay: Layout, width: int) -> list[str]:
    verdict = f"{lay.verdict_title}: {lay.verdict}"
    if lay.provisional_mark:
        verdict += " " + lay.provisional_mark
    lines = wrap(f"{lay.who} ({lay.profession}) · {lay.file}", width)
    lines += wrap(lay.context, width)
    lines += ["", *wrap(verdict, width), *wrap(lay.summary, width)]
    if lay.provisional_note:
        lines += wrap(lay.provisional_note, width)
    lines.append("")
    return lines


def _missing(lay: Layout, width: int) -> list[str]:
    if not lay.missing:
        return []
    lines = wrap(lay.missing_title, width)
    for item in lay.missing:
        lines += _bulleted(item, width)
    lines.append("")
    return lines


def _bulleted(text: str, width: int) -> list[str]:
    lines = wrap(text, width - len(BULLET), len(BULLET))
    return [BULLET + lines[0], *(("    " + line[len(BULLET) :]) for line in lines[1:])]


def _requirements(lay: Layout, width: int, *, short: bool) -> list[str]:
    head_name, head_status, head_text = lay.columns
    name_w = max([len(head_name), *(len(r.name) for r in lay.rows)])
    status_w = max([len(head_status), *(len(r.status) + r.star for r in lay.rows)])
    body_w = width - name_w - status_w - 2 * len(GAP)
    stacked = body_w < NARROWEST
    if stacked:
        name_w, body_w = 0, width - 4
    lines = [f"{head_name:<{name_w}}{GAP}{head_status:<{status_w}}{GAP}{head_text}"]
    if stacked:
        lines = wrap(f"{head_name}{GAP}{head_status}{GAP}{head_text}", width)
    for i, row in enumerate(lay.rows):
        if i and not short:
            lines.append("")
        lines += _row(row, name_w, status_w, body_w, short=short, stacked=stacked)
    lines.append("")
    return lines


def _row(
    row: Row, name_w: int, status_w: int, body_w: int, *, short: bool, stacked: bool
) -> list[str]:
    status = row.status + ("*" if row.star else "")
    body = wrap(row.explanation, body_w)
    if not short:
        for fact in row.facts:
            body += wrap("· " + fact, body_w, 2)
    if stacked:
        return [f"{row.name}{GAP}{status}", *("    " + line for line in body)]
    pad = " " * (name_w + status_w + 2 * len(GAP))
    first = f"{row.name:<{name_w}}{GAP}{status:<{status_w}}{GAP}{body[0]}"
    return [first, *(pad + line for line in body[1:])]


def _parameters(lay: Layout, width: int) -> list[str]:
    if not lay.parameters:
        return []
    lines = wrap(lay.parameters_title, width)
    for p in lay.parameters:
        lines += _bulleted(f"{p.description}: {p.value} ({p.basis})", width)
        lines += ["    " + line for line in wrap(p.source, width - 4)]
    return [*lines, *wrap(lay.star_note, width), ""]


def _sources(lay: Layout, width: int) -> list[str]:
    name_w = max((len(name) for name, _ in lay.sources), default=0)
    lines = wrap(lay.sources_title, width)
    column = len(BULLET) + name_w + 1
    for name, source in lay.sources:
        if width - column < NARROWEST:
            lines.append(BULLET + name)
            lines += ["    " + line for line in wrap(source, width - 4)]
            continue
        text = wrap(source, width - column)
        lines.append(f"{BULLET}{name:<{name_w}} {text[0]}")
        lines += [" " * column + line for line in text[1:]]
    return [*lines, "", *wrap(lay.disclaimer, width)]


def summary(tally: Tally, lang: Lang, *, width: int = 80) -> str:
    """After a batch: counts per verdict, then the files that need attention."""
    rows = [(tr(lang, "verdict." + v), tally.verdicts[v]) for v in VERDICTS]
    if tally.verdicts["error"]:
        rows.append((tr(lang, "text.unusable"), tally.verdicts["error"]))
    head = (tr(lang, "text.col.verdict"), tr(lang, "text.col.count"))
    label_w = max(len(head[0]), *(len(label) for label, _ in rows))
    count_w = max(len(head[1]), *(len(str(n)) for _, n in rows))
    lines = [*wrap(tr(lang, "text.summary_title"), width)]
    lines.append(f"{head[0]:<{label_w}}{GAP}{head[1]:>{count_w}}")
    lines += [f"{label:<{label_w}}{GAP}{n:>{count_w}}" for label, n in rows]
    if tally.attention or tally.errors:
        lines += ["", *wrap(tr(lang, "text.attention"), width)]
        listed = [(tr(lang, "text.unusable"), f) for f in tally.errors]
        listed += [(tr(lang, "verdict." + v), f) for f, v in tally.attention]
        shown = listed[:ATTENTION_SHOWN]
        wide = max(len(label) for label, _ in shown)
        lines += [f"{label:<{wide}}{GAP}{_s(name)}" for label, name in shown]
        if len(listed) > ATTENTION_SHOWN:
            lines += wrap(tr(lang, "text.more", count=len(listed) - ATTENTION_SHOWN), width)
    return no_commands("\n".join(line.rstrip() for line in lines) + "\n")
