"""The terminal report (rich): verdict first, then the requirements, what is missing,
provisional parameters and sources. Plain text when colour is off."""

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
from pzspec.render.words import unit_text, value_text, word

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


def render(results: list[CheckResult], lang: Lang, *, color: bool, width: int = 100) -> str:
    out = console(color, width)
    for i, result in enumerate(results):
        if i:
            out.rule()
        out.print(report(result, lang))
    file = out.file
    assert isinstance(file, io.StringIO)
    text = file.getvalue()
    # rich pads table cells to the full width; trailing spaces only hurt in files and pipes
    return no_commands("\n".join(line.rstrip() for line in text.split("\n")))


def report(r: CheckResult, lang: Lang) -> Group:
    parts: list[object] = [*_head(r, lang), _requirements(r, lang)]
    parts += _missing(r, lang)
    parts += _parameters(r, lang)
    parts += _sources(r, lang)
    return Group(*parts)  # type: ignore[arg-type]


def _head(r: CheckResult, lang: Lang) -> list[object]:
    """Who, against what, and the verdict."""
    # every text from the portfolio (or rule data) is one line here: a line break in a name
    # or an employer must not put a line of its own (a forged verdict) into the report
    who = _s(r.person.name or tr(lang, "text.anonymous"))
    header = Text.assemble(
        (who, "bold"), f" ({_s(word(r.person.profession_label, lang))}) · {_s(r.file)}"
    )
    context = tr(
        lang,
        "text.context",
        profile=_s(word(r.profile_title, lang) if r.profile_title else "-"),
        version=r.rules_version,
        as_of=r.as_of,
    )
    verdict = Text(tr(lang, "text.verdict") + ": ", style="bold")
    verdict.append(tr(lang, "verdict." + r.verdict).upper(), style=VERDICT_STYLE[r.verdict])
    if r.provisional:
        verdict.append(" " + tr(lang, "text.provisional_mark"), style="yellow")
    parts: list[object] = [header, Text(context, style="dim"), Text(), verdict]
    parts.append(Text(tr(lang, "summary." + r.verdict)))
    if r.provisional:
        parts.append(Text(tr(lang, "text.provisional_note"), style="yellow"))
    parts.append(Text())
    return parts


def _requirements(r: CheckResult, lang: Lang) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column(tr(lang, "text.col.requirement"), no_wrap=True, min_width=12)
    table.add_column(tr(lang, "text.col.status"), no_wrap=True, min_width=9)
    table.add_column(tr(lang, "text.col.explanation"), ratio=1)
    for req in r.requirements:
        body = Text(_s(word(req.explanation, lang)))
        for fact in req.facts:
            body.append("\n· " + _s(word(fact, lang)), style="dim")
        status = Text(tr(lang, "status." + req.status), style=STATUS_STYLE[req.status])
        if req.provisional:
            status.append("*", style="yellow")
        table.add_row(tr(lang, "req." + req.id), status, body)
    return table


def _missing(r: CheckResult, lang: Lang) -> list[object]:
    missing = [(req.id, m) for req in r.requirements for m in req.missing]
    if not missing:
        return []
    lacking = Table.grid(padding=(0, 1))
    lacking.add_column(width=3, justify="right")
    lacking.add_column(ratio=1)
    for rid, m in missing:
        lacking.add_row("•", Text(f"{tr(lang, 'req.' + rid)}: {_s(word(m, lang))}"))
    return [Text(tr(lang, "text.missing"), style="bold"), lacking, Text()]


def _parameters(r: CheckResult, lang: Lang) -> list[object]:
    """The thresholds that are not settled (Delphi or provisional) and decided here."""
    provisional = {p.id: p for req in r.requirements for p in req.parameters if p.basis != "stated"}
    if not provisional:
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column(ratio=1)
    for p in provisional.values():
        line = Text(f"{_s(p.description.get(lang))}: ")
        line.append(_s(value_text(p.value, lang) + unit_text(p.unit, lang)), style="bold")
        line.append(f" ({tr(lang, 'basis.' + p.basis)})")
        line.append(f"\n{tr(lang, 'text.source')}: {_s(p.source)}", style="dim")
        grid.add_row("•", line)
    return [
        Text(tr(lang, "text.parameters"), style="bold"),
        grid,
        Text(tr(lang, "text.star"), style="dim"),
        Text(),
    ]


def _sources(r: CheckResult, lang: Lang) -> list[object]:
    sources = Table.grid(padding=(0, 1))
    sources.add_column(width=3, justify="right")
    sources.add_column(no_wrap=True)
    sources.add_column(ratio=1)
    for req in r.requirements:
        sources.add_row("•", tr(lang, "req." + req.id), Text(_s(req.source), style="dim"))
    return [
        Text(tr(lang, "text.sources"), style="bold"),
        sources,
        Text(),
        Text(tr(lang, "report.disclaimer"), style="dim"),
    ]


def summary(tally: Tally, lang: Lang, *, color: bool, width: int = 100) -> str:
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
