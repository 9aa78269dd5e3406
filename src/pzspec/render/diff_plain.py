"""``pzspec diff`` as plain text, for pipes, files and CI logs: the words and order of the
terminal report (``diff_out.text``), without box drawing, wrapped at the given width."""

from __future__ import annotations

from pzspec.diff.core import Report
from pzspec.errors import no_commands, one_line
from pzspec.render.diff_out import value_text, verdict_text
from pzspec.render.diff_words import explanation, reason, worded
from pzspec.render.i18n import Lang, counted, tr
from pzspec.render.plain import wrap


def text(report: Report, lang: Lang, *, width: int = 80) -> str:
    lines = [*wrap(tr(lang, "diff.title", old=report.old, new=report.new), width, 2)]
    if report.changes:
        summary = tr(
            lang,
            "diff.summary",
            changes=counted(lang, len(report.changes), "change"),
            breaking=len(report.breaking),
        )
        lines += wrap(summary, width, 2)
        lines += _changes(report, lang, width)
        if report.breaking:
            lines += ["", *wrap(tr(lang, "diff.breaking_note"), width)]
    else:
        lines.append(tr(lang, "diff.none"))
    if report.replayed is not None:
        lines += [
            "",
            *wrap(tr(lang, "diff.impact", checked=report.replayed, as_of=report.as_of), width),
        ]
        lines += _impact(report, lang, width) if report.impact else [tr(lang, "diff.impact_none")]
        if report.problems:
            lines.append(tr(lang, "diff.unusable", count=len(report.problems)))
    return no_commands("\n".join(line.rstrip() for line in lines) + "\n")


def _changes(report: Report, lang: Lang, width: int) -> list[str]:
    """One block per change: its kind (and "brekend") beside the path, the explanation and,
    when the explanation does not show them, the old and new value."""
    changes = [worded(c, lang) for c in report.changes]
    kinds = [tr(lang, f"diff.kind.{c.kind}") for c in changes]
    mark = tr(lang, "diff.breaking")
    col = max([len(k) for k in kinds] + [len(mark)]) + 2
    pad = " " * col
    out: list[str] = []
    for c, kind in zip(changes, kinds, strict=True):
        said = one_line(explanation(c, lang))
        body = [c.path, said]
        old, new = value_text(c.old), value_text(c.new)
        if old not in said or new not in said:
            body.append(f"{value_text(c.old, 60)} → {value_text(c.new, 60)}")
        wrapped = [piece for part in body for piece in wrap(part, width - col, 2)]
        left = [kind, mark] if c.breaking else [kind]
        out.append("")
        for i, line in enumerate(wrapped):
            label = left[i] if i < len(left) else ""
            out.append(label.ljust(col) + line if label else pad + line)
        out += left[len(wrapped) :]
    return out


def _impact(report: Report, lang: Lang, width: int) -> list[str]:
    """The verdict transitions with their counts, then each file with its reason."""
    moves = [
        (f"{verdict_text(a, lang)} → {verdict_text(b, lang)}", n)
        for a, b, n in report.transitions()
    ]
    col = max(len(m) for m, _ in moves) + 2
    out = [m.ljust(col) + str(n) for m, n in moves]
    for i in report.impact:
        head = f"{i.file}: {verdict_text(i.before, lang)} → {verdict_text(i.after, lang)}"
        out += ["", *wrap(head, width, 2), *wrap("  " + one_line(reason(i, lang)), width, 4)]
    return out
