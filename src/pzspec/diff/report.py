"""What a diff finds: ``Change`` (one semantic change), ``Impact`` (a portfolio whose verdict
differs), ``Report`` and the exit status. Explanations are ``Message``s; render/diff_out.py
words them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from pzspec.errors import Problem
from pzspec.messages import Message

Kind = Literal["tightened", "loosened", "added", "removed", "editorial"]
KINDS: tuple[Kind, ...] = ("tightened", "loosened", "added", "removed", "editorial")
FailOn = Literal["breaking", "any", "none"]
ERROR = "error"
"""The 'verdict' of a portfolio that cannot be checked under one side."""

# how good a verdict is, to tell a worse one from a better one
_RANK = {"eligible": 3, "eligible-transition": 3, "needs-review": 2, "not-eligible": 1, ERROR: 0}
_ORDER = ["eligible", "eligible-transition", "needs-review", "not-eligible", ERROR]


@dataclass(frozen=True)
class Change:
    """One semantic change between the two sides.

    ``old``/``new`` are JSON values, except rule-data texts (``LText``) and messages, which
    the renderer words in the report's language. ``explanation`` says what changed;
    ``effect`` (when given) what that does, worded after it as "explanation; effect".
    """

    path: str
    kind: Kind
    breaking: bool
    old: Any = None
    new: Any = None
    explanation: Message = field(default_factory=lambda: Message("diff.text"))
    effect: Message | None = None


@dataclass(frozen=True)
class Impact:
    """A portfolio whose verdict differs between the sides; ``reason`` says why (a message,
    or the text of a problem that is not coded yet)."""

    file: str
    before: str
    after: str
    reason: Message | str
    requirement: str | None = None

    @property
    def worse(self) -> bool:
        return _RANK[self.after] < _RANK[self.before]


@dataclass
class Report:
    old: str
    new: str
    changes: list[Change]
    impact: list[Impact] = field(default_factory=list)
    replayed: int | None = None
    """How many portfolios were checked under both sides; None without a replay."""
    as_of: str | None = None
    problems: list[Problem] = field(default_factory=list)
    """Portfolios that could be checked under neither side."""

    @property
    def breaking(self) -> list[Change]:
        return [c for c in self.changes if c.breaking]

    def transitions(self) -> list[tuple[str, str, int]]:
        """(before, after, number of portfolios), in the order of the verdicts."""
        counts = Counter((i.before, i.after) for i in self.impact)
        return sorted(
            ((b, a, n) for (b, a), n in counts.items()),
            key=lambda t: (_ORDER.index(t[0]), _ORDER.index(t[1])),
        )


def exit_status(report: Report, fail_on: FailOn = "breaking") -> int:
    """2 a portfolio unusable under both sides; with ``breaking`` 1 when a change is breaking
    (or a replayed verdict got worse), with ``any`` 1 on any change, with ``none`` 0."""
    if report.problems:
        return 2
    if fail_on == "none":
        return 0
    if fail_on == "any":
        return 1 if report.changes or report.impact else 0
    return 1 if report.breaking or any(i.worse for i in report.impact) else 0
