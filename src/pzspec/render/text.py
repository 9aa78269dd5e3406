"""The terminal report (rich): verdict first, then what is missing, the requirements,
provisional parameters and sources. For a pipe or a file ``render/plain.py`` writes the same
words without rich; both take them from ``render/plain_layout.py``."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pzspec.errors import no_commands
from pzspec.errors import one_line as _s
from pzspec.models.result import CheckResult
from pzspec.render.i18n import Lang, tr
from pzspec.render.plain_layout import Layout, layout

if TYPE_CHECKING:
    from pzspec.evaluate.batch import Tally

ATTENTION_SHOWN = 50
VERDICT_STYLE = {
    "eligible": "bold green",
    "eligible-transition": "bold green",
    "needs-review": "bold yellow",
    "not-eligible": "bold red",
}
STATUS_STYLE = {
    "met": "green",
    "unmet": "red",
    "review": "yellow",
    "undetermined": "yellow",
    "info": "cyan",
    "not-applicable": "dim",
}


def console(color: bool, width: int) -> Console:
    return Console(
        file=io.StringIO(),
        force_terminal=color,
        no_color=not color,
        width=width,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )


def render(
    results: list[CheckResult], lang: Lang, *, color: bool, width: int = 80, short: bool = False
) -> str:
    out = console(color, width)
    for i, result in enumerate(results):
        if i:
            out.rule()
        out.print(report(result, lang, short=short))
    file = out.file
    assert isinstance(file, io.StringIO)
    text = file.getvalue()
    # rich pads table cells to the full width; trailing spaces only hurt in files and pipes
    return no_commands("\n".join(line.rstrip() for line in text.split("\n")))


def report(r: CheckResult, lang: Lang, *, short: bool = False) -> Group:
    """The same words in the same order as ``render/plain.py``: verdict, what is missing,
    the requirements, then (unless ``short``) thresholds and sources."""
    lay = layout(r, lang)
    parts: list[object] = [*_head(lay), *_missing(lay), _requirements(lay, short=short)]
    if short:
        if lay.any_star:
            parts.append(Text(lay.star_note, style="dim"))
    else:
        parts += [Text(), *_parameters(lay), *_sources(lay)]
    return Group(*parts)  # type: ignore[arg-type]


def _head(lay: Layout) -> list[object]:
    """Who, against what, and the verdict."""
    header = Text.assemble((lay.who, "bold"), f" ({lay.profession}) · {lay.file}")
    verdict = Text(lay.verdict_title + ": ", style="bold")
    verdict.append(lay.verdict, style=VERDICT_STYLE[lay.verdict_key])
    if lay.provisional_mark:
        verdict.append(" " + lay.provisional_mark, style="yellow")
    parts: list[object] = [header, Text(lay.context, style="dim"), Text(), verdict]
    parts.append(Text(lay.summary))
    if lay.provisional_note:
        parts.append(Text(lay.provisional_note, style="yellow"))
    parts.append(Text())
    return parts


def _requirements(lay: Layout, *, short: bool) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=not short)
    name, status_col, explanation = lay.columns
    table.add_column(name, no_wrap=True, min_width=12)
    table.add_column(status_col, no_wrap=True, min_width=9)
    table.add_column(explanation, ratio=1)
    for row in lay.rows:
        body = Text(row.explanation)
        if not short:
            for fact in row.facts:
                body.append("\n· " + fact, style="dim")
        status = Text(row.status, style=STATUS_STYLE[row.status_key])
        if row.star:
            status.append("*", style="yellow")
        table.add_row(row.name, status, body)
    return table


def _missing(lay: Layout) -> list[object]:
    if not lay.missing:
        return []
    lacking = Table.grid(padding=(0, 1))
    lacking.add_column(width=3, justify="right")
    lacking.add_column(ratio=1)
    for item in lay.missing:
        lacking.add_row("•", Text(item))
    return [Text(lay.missing_title, style="bold"), lacking, Text()]


def _parameters(lay: Layout) -> list[object]:
    """The thresholds that are not settled (Delphi or provisional) and decided here."""
    if not lay.parameters:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for p in lay.parameters:
        line = Text(f"{p.description}: ")
        line.append(p.value, style="bold")
        line.append(f" ({p.basis})")
        line.append(f"\n{p.source}", style="dim")
        grid.add_row("•", line)
    return [
        Text(lay.parameters_title, style="bold"),
        grid,
        Text(lay.star_note, style="dim"),
        Text(),
    ]


def _sources(lay: Layout) -> list[object]:
    sources = Table.grid(padding=(0, 1))
    sources.add_column(width=3, justify="right")
    sources.add_column(no_wrap=True)
    sources.add_column(ratio=1)
    for name, source in lay.sources:
        sources.add_row("•", name, Text(source, style="dim"))
    return [
        Text(lay.sources_title, style="bold"),
        sources,
        Text(),
        Text(lay.disclaimer, style="dim"),
    ]


def summary(tally: Tally, lang: Lang, *, color: bool, width: int = 80) -> str:
    """The table after a batch: counts per verdict and the files that need attention."""
    out = console(color, width)
    table = Table(title=tr(lang, "text.summary_title"), show_header=True, header_style="bold")
    table.add_column(tr(lang, "text.col.verdict"))
    table.add_column(tr(lang, "text.col.count"), justify="right")
    for verdict in ("eligible", "eligible-transition", "needs-review", "not-eligible"):
        table.add_row(
            Text(tr(lang, "verdict." + verdict), style=VERDICT_STYLE[verdict]),
            str(tally.verdicts[verdict]),
        )
    if tally.verdicts["error"]:
        table.add_row(
            Text(tr(lang, "text.unusable"), style="bold red"), str(tally.verdicts["error"])
        )
    out.print(table)
    if tally.attention or tally.errors:
        out.print(Text(tr(lang, "text.attention"), style="bold"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column()
        grid.add_column()
        rows = [(tr(lang, "text.unusable"), "bold red", f) for f in tally.errors]
        rows += [(tr(lang, "verdict." + v), VERDICT_STYLE[v], f) for f, v in tally.attention]
        for label, style, name in rows[:ATTENTION_SHOWN]:
            grid.add_row(Text(label, style=style), Text(_s(name)))
        out.print(grid)
        if len(rows) > ATTENTION_SHOWN:
            out.print(Text(tr(lang, "text.more", count=len(rows) - ATTENTION_SHOWN), style="dim"))
    file = out.file
    assert isinstance(file, io.StringIO)
    return no_commands("\n".join(line.rstrip() for line in file.getvalue().split("\n")))
