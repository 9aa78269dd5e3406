"""Renderers for ``pzspec diff``: text (rich), json, markdown (a pull request comment) and
github (workflow annotations). Each returns one string; the CLI owns streams and exit codes."""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

from pzspec.diff.core import ERROR, Change, Report
from pzspec.errors import no_commands, one_line
from pzspec.messages import Message
from pzspec.render.diff_words import change_value, coded_in, explanation, reason, worded
from pzspec.render.i18n import Lang, counted, tr
from pzspec.render.words import coded

if TYPE_CHECKING:
    from rich.table import Table

FORMATS = ("text", "json", "markdown", "github")

KIND_STYLE = {
    "tightened": "red",
    "loosened": "green",
    "added": "cyan",
    "removed": "magenta",
    "editorial": "dim",
}
_VERDICT_STYLE = {
    "eligible": "green",
    "eligible-transition": "green",
    "needs-review": "yellow",
    "not-eligible": "red",
    ERROR: "red",
}


def render(report: Report, fmt: str, lang: Lang, *, color: bool = False, width: int = 80) -> str:
    match fmt:
        case "text" if color:
            return text(report, lang, color=color, width=width)
        case "text":  # a pipe, a file, a CI log: the same words without box drawing
            from pzspec.render.diff_plain import text as plain

            return plain(report, lang, width=width)
        case "json":
            return json.dumps(as_json(report, lang), ensure_ascii=False, indent=2) + "\n"
        case "markdown":
            return markdown(report, lang)
        case "github":
            return github(report, lang)
    raise ValueError(f"unknown format {fmt!r}")


def _coded(item: Message | str) -> dict[str, Any]:
    return coded(item) if isinstance(item, Message) else {"code": None, "args": {}}


def as_json(report: Report, lang: Lang) -> dict[str, Any]:
    """``pzspec diff -f json``: every explanation and reason in words, with its ``code``
    and ``args`` (and a change's ``effect`` code) next to it."""
    changes = [
        {
            "path": c.path,
            "kind": c.kind,
            "breaking": c.breaking,
            "old": change_value(c.old, lang),
            "new": change_value(c.new, lang),
            "explanation": explanation(c, lang),
            **coded_in(c.explanation),
            "effect": c.effect.code if c.effect is not None else None,
        }
        for c in report.changes
    ]
    impact = [
        {
            "file": i.file,
            "before": i.before,
            "after": i.after,
            "reason": reason(i, lang),
            **_coded(i.reason),
        }
        for i in report.impact
    ]
    transitions = [{"before": b, "after": a, "count": n} for b, a, n in report.transitions()]
    return {"changes": changes, "impact": impact, "transitions": transitions}


def value_text(value: Any, limit: int = 0) -> str:
    """A change's old or new value as one short line."""
    if value is None:
        out = "—"
    elif isinstance(value, bool):
        out = str(value).lower()
    elif isinstance(value, float) and 0 <= value <= 1:
        out = f"{value:.0%}"
    elif isinstance(value, list):
        out = ", ".join(value_text(v) for v in value) or "[]"
    elif isinstance(value, dict):
        out = str(value.get("nl") or value.get("id") or json.dumps(value, ensure_ascii=False))
    else:
        out = str(value)
    out = one_line(" ".join(out.split()))
    if limit and len(out) > limit:
        out = out[: limit - 1] + "…"
    return out


def verdict_text(verdict: str, lang: Lang) -> str:
    return tr(lang, "diff.verdict.error" if verdict == ERROR else f"verdict.{verdict}")


# --- text --------------------------------------------------------------------------------
def text(report: Report, lang: Lang, *, color: bool, width: int = 100) -> str:
    from rich.text import Text

    from pzspec.render.text import console

    def t(key: str, **kw: object) -> str:
        return tr(lang, key, **kw)

    out = console(color, width)
    out.print(Text(t("diff.title", old=report.old, new=report.new), style="bold"))
    if report.changes:
        out.print(
            Text(
                t(
                    "diff.summary",
                    changes=counted(lang, len(report.changes), "change"),
                    breaking=len(report.breaking),
                ),
                style="bold red" if report.breaking else "bold",
            )
        )
        table = _changes_table(report, lang)
        out.print(table)
        if report.breaking:
            out.print(Text(t("diff.breaking_note"), style="dim"))
    else:
        out.print(Text(t("diff.none")))
    if report.replayed is not None:
        out.print()
        out.print(Text(t("diff.impact", checked=report.replayed, as_of=report.as_of), style="bold"))
        if not report.impact:
            out.print(Text(t("diff.impact_none")))
        else:
            out.print(_transitions_grid(report, lang))
            out.print(_impact_table(report, lang))
        if report.problems:
            out.print(Text(t("diff.unusable", count=len(report.problems)), style="red"))
    file = out.file
    assert isinstance(file, io.StringIO)
    return no_commands("\n".join(line.rstrip() for line in file.getvalue().split("\n")))


def _changes_table(report: Report, lang: Lang) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column(tr(lang, "diff.col.kind"), no_wrap=True)
    table.add_column(tr(lang, "diff.col.change"), ratio=1, overflow="fold")
    for c in (worded(c, lang) for c in report.changes):
        kind = Text(tr(lang, f"diff.kind.{c.kind}"), style=KIND_STYLE[c.kind])
        if c.breaking:
            kind.append("\n" + tr(lang, "diff.breaking"), style="bold red")
        body = Text(c.path, style="bold")
        said = explanation(c, lang)
        body.append("\n" + one_line(said))
        old, new = value_text(c.old), value_text(c.new)
        if old not in said or new not in said:
            body.append(f"\n{value_text(c.old, 60)} → {value_text(c.new, 60)}", style="dim")
        table.add_row(kind, body)
    return table


def _transitions_grid(report: Report, lang: Lang) -> Table:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right")
    for before, after, n in report.transitions():
        line = Text(verdict_text(before, lang), style=_VERDICT_STYLE[before])
        line.append(" → ")
        line.append(verdict_text(after, lang), style=_VERDICT_STYLE[after])
        grid.add_row(line, str(n))
    return grid


def _impact_table(report: Report, lang: Lang) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column(tr(lang, "diff.col.file"), ratio=2, overflow="fold")
    table.add_column(tr(lang, "diff.col.before"), no_wrap=True)
    table.add_column(tr(lang, "diff.col.after"), no_wrap=True)
    table.add_column(tr(lang, "diff.col.reason"), ratio=3)
    for i in report.impact:
        table.add_row(
            Text(i.file),
            Text(verdict_text(i.before, lang), style=_VERDICT_STYLE[i.before]),
            Text(verdict_text(i.after, lang), style=_VERDICT_STYLE[i.after]),
            Text(one_line(reason(i, lang))),
        )
    return table


# --- markdown ----------------------------------------------------------------------------
def _cell(value: str) -> str:
    return one_line(" ".join(value.split())).replace("|", "\\|")


def _code(value: str) -> str:
    return "`" + _cell(value).replace("`", "'") + "`"


def _rows(changes: list[Change], lang: Lang) -> list[str]:
    head = [
        "",
        tr(lang, "diff.col.kind"),
        tr(lang, "diff.col.path"),
        tr(lang, "diff.col.old"),
        tr(lang, "diff.col.new"),
        tr(lang, "diff.col.explanation"),
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in (worded(c, lang) for c in changes):
        mark = "⚠️" if c.breaking else ""
        cells = [
            mark,
            tr(lang, f"diff.kind.{c.kind}")
            + (f" ({tr(lang, 'diff.breaking')})" if c.breaking else ""),
            _code(c.path),
            _cell(value_text(c.old, 80)),
            _cell(value_text(c.new, 80)),
            _cell(explanation(c, lang)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(report: Report, lang: Lang) -> str:
    def t(key: str, **kw: object) -> str:
        return tr(lang, key, **kw)

    lines = [f"### {t('diff.title', old=_code(report.old), new=_code(report.new))}", ""]
    if report.changes:
        summary = t(
            "diff.summary",
            changes=counted(lang, len(report.changes), "change"),
            breaking=len(report.breaking),
        )
        lines += [f"**{summary}**", ""]
        main = [c for c in report.changes if c.kind != "editorial"]
        editorial = [c for c in report.changes if c.kind == "editorial"]
        if main:
            lines += [*_rows(main, lang), ""]
        if editorial:
            label = f"{t('diff.kind.editorial')} ({len(editorial)})"
            lines += ["<details>", f"<summary>{label}</summary>", "", *_rows(editorial, lang)]
            lines += ["", "</details>", ""]
        if report.breaking:
            lines += [f"⚠️ {t('diff.breaking_note')}", ""]
    else:
        lines += [t("diff.none"), ""]
    if report.replayed is not None:
        lines += [f"#### {t('diff.impact', checked=report.replayed, as_of=report.as_of)}", ""]
        if not report.impact:
            lines += [t("diff.impact_none"), ""]
        else:
            head = [t("diff.col.before"), t("diff.col.after"), t("diff.col.count")]
            lines += ["| " + " | ".join(head) + " |", "|---|---|---:|"]
            for before, after, n in report.transitions():
                lines.append(
                    f"| {verdict_text(before, lang)} | {verdict_text(after, lang)} | {n} |"
                )
            lines.append("")
            head = [
                t("diff.col.file"),
                t("diff.col.before"),
                t("diff.col.after"),
                t("diff.col.reason"),
            ]
            lines += ["| " + " | ".join(head) + " |", "|---|---|---|---|"]
            for i in report.impact:
                cells = [
                    _code(i.file),
                    verdict_text(i.before, lang),
                    verdict_text(i.after, lang),
                    _cell(reason(i, lang)),
                ]
                lines.append("| " + " | ".join(cells) + " |")
            lines.append("")
        if report.problems:
            lines += [t("diff.unusable", count=len(report.problems)), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# --- github ------------------------------------------------------------------------------
def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: Report, lang: Lang) -> str:
    """Workflow commands: an error for every breaking change and every portfolio that got a
    worse verdict, a warning for other tightenings, a notice for the rest; editorial
    changes are only counted."""
    lines: list[str] = []
    for c in (worded(c, lang) for c in report.changes):
        if c.kind == "editorial":
            continue
        level = "error" if c.breaking else "warning" if c.kind == "tightened" else "notice"
        title = tr(lang, "diff.gh.change", kind=tr(lang, f"diff.kind.{c.kind}"))
        message = (
            f"{c.path}: {explanation(c, lang)} ({value_text(c.old, 80)} → {value_text(c.new, 80)})"
        )
        lines.append(f"::{level} title={_gh_prop(title)}::{_gh_data(one_line(message))}")
    for i in report.impact:
        level = "error" if i.worse else "notice"
        title = tr(
            lang,
            "diff.gh.impact",
            before=verdict_text(i.before, lang),
            after=verdict_text(i.after, lang),
        )
        lines.append(
            f"::{level} file={_gh_prop(i.file)},title={_gh_prop(title)}::"
            f"{_gh_data(one_line(reason(i, lang)))}"
        )
    lines.append(
        tr(
            lang,
            "diff.summary",
            changes=counted(lang, len(report.changes), "change"),
            breaking=len(report.breaking),
        )
    )
    if report.replayed is not None:
        lines.append(tr(lang, "diff.impact", checked=report.replayed, as_of=report.as_of))
        for before, after, n in report.transitions():
            lines.append(f"  {verdict_text(before, lang)} → {verdict_text(after, lang)}: {n}")
    return "\n".join(lines) + "\n"
