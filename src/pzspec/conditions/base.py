"""What every condition type shares: the model base, the outcome, the context it is decided
against, and the declaration (``ConditionType``) each type module gives the registry.

A condition is decided against a context: the portfolio, optionally one education entry
(merged with its catalogue course), and the rule book for parameter values. The answer is
``met``, ``unmet`` or ``review``, with the facts it looked at and what is missing (as
``Message``: no words here) and the parameters it used (so a report can say which
thresholds were provisional).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, NamedTuple, Protocol

from pzspec.conditions.fields import FieldName, FieldType, PortfolioField, field_value
from pzspec.messages import Message, Record, RuleText, msg
from pzspec.models.base import LText, Strict
from pzspec.models.portfolio import EducationEntry, Portfolio

Decision = Literal["met", "unmet", "review"]
FailOutcome = Literal["unmet", "review"]
MissingOutcome = Literal["unmet", "review", "met"]
RANK: dict[str, int] = {"unmet": 0, "review": 1, "met": 2}
"""Order of decisions: a route or alternative that is met beats one under review."""
Path_ = tuple[str | int, ...]


class Cond(Strict):
    """What every condition may say: its own label, and what failing or a missing value
    means (``on_fail``, ``on_missing``)."""

    label: LText | None = None
    on_fail: FailOutcome = "unmet"
    on_missing: MissingOutcome = "review"


class Outcome(Record):
    """A decision with the facts it looked at, what is missing and the parameters it used.
    A plain class (made for every condition decided; issue 14); its lists may be added to."""

    __slots__ = ("facts", "missing", "params", "status")
    _fields = ("status", "facts", "missing", "params")
    status: Decision
    facts: list[Message]
    missing: list[Message]
    params: list[str]

    def __init__(
        self,
        status: Decision,
        facts: list[Message] | None = None,
        missing: list[Message] | None = None,
        params: list[str] | None = None,
    ) -> None:
        self.status = status
        self.facts = [] if facts is None else facts
        self.missing = [] if missing is None else missing
        self.params = [] if params is None else params


class HasValue(Protocol):
    @property
    def value(self) -> Any: ...


class Book(Protocol):
    """What a condition needs from a rule book: parameters and catalogue courses by id."""

    @property
    def params(self) -> Mapping[str, HasValue]: ...

    @property
    def courses(self) -> Mapping[str, Any]: ...


class Context(Protocol):
    """What a condition is decided against."""

    @property
    def portfolio(self) -> Portfolio: ...

    @property
    def book(self) -> Book: ...

    @property
    def entry(self) -> EducationEntry | None: ...

    def experience_months(self, window: int | None, /) -> tuple[int, int]:
        """Months of relevant experience ``window`` months back (or ever): (sure, possible)."""
        ...

    def in_progress(self, by: dt.date, /) -> tuple[Decision, str | None]:
        """The best education in progress that is planned to end by a date: (status, name)."""
        ...

    def placement_share(
        self, start: dt.date, end: dt.date, /
    ) -> tuple[float, float, list[tuple[int, str]]] | None:
        """The palliative FTE share of the employments during a course (lowest, highest,
        the fields that would decide), or None when no employment overlaps it."""
        ...


class Use(NamedTuple):
    """A parameter or field a condition uses, and whether a higher (later, longer) value
    makes the condition harder to meet (+1), easier (-1) or neither known (0)."""

    kind: Literal["param", "field"]
    id: str
    direction: int


class ParamRef(NamedTuple):
    """A parameter a condition names under ``key``, and the types it may have there."""

    key: str
    id: str
    want: frozenset[str]


class Issue(NamedTuple):
    """A problem with a condition's own values (for ``pzspec validate``), under ``key``."""

    key: str
    message: Message
    hint: Message


class Joined:
    """Items worded one after the other: ``sep`` between them, a Message separator (a word
    such as "en") with a space on each side. A message argument, so not a tuple."""

    __slots__ = ("items", "sep")
    items: Sequence[Any]
    sep: Message | str

    def __init__(self, items: Sequence[Any], sep: Message | str = "; ") -> None:
        self.items, self.sep = items, sep

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Joined) or other.__class__ is not self.__class__:
            return NotImplemented
        return self.items == other.items and self.sep == other.sep

    def __hash__(self) -> int:
        return hash((self.items, self.sep))

    def __repr__(self) -> str:
        return f"Joined(items={self.items!r}, sep={self.sep!r})"


def _none(cond: Any) -> list[Any]:
    return []


def _no_issues(cond: Any, field: PortfolioField) -> Iterator[Issue]:
    return iter(())


class ConditionType(NamedTuple):
    """One condition type: everything pzspec knows of it."""

    model: type[Cond]
    evaluate: Callable[[Any, Context], Outcome]
    describe: Callable[[Any, Book], Message]
    params: Callable[[Any], list[ParamRef]] = _none
    """The parameters it names itself (not those of the conditions inside it)."""
    uses: Callable[[Any], Iterable[Use]] = _none
    """Its parameters and fields with their direction, those inside it included."""
    compares: frozenset[FieldType] = frozenset()
    """The field types it can compare, when it names a ``field``."""
    children: Callable[[Any], list[tuple[Path_, Cond]]] = _none
    """The conditions inside it, each with its path from this one."""
    check: Callable[[Any, PortfolioField], Iterator[Issue]] = _no_issues
    """Its own values against the field it names (the field is known and comparable)."""
    transition_only: bool = False
    """Allowed only in transition routes."""
    labelled: bool = True
    """Described by its own label when it has one (``describe`` is not asked then)."""

    @property
    def name(self) -> str:
        return str(self.model.model_fields["type"].annotation.__args__[0])  # type: ignore[union-attr]


TYPES: dict[str, ConditionType] = {}
"""The registered condition types by name; ``pzspec.conditions.registry`` fills it."""


def kind_of(cond: Cond) -> ConditionType:
    return TYPES[getattr(cond, "type")]  # noqa: B009  # every condition model has a type


def evaluate(cond: Cond, ctx: Context) -> Outcome:
    return kind_of(cond).evaluate(cond, ctx)


def describe(cond: Cond, book: Book) -> Message:
    """A condition in words (as a Message), parameter values filled in."""
    kind = kind_of(cond)
    if kind.labelled and cond.label:
        return msg("cond.label", text=rule_text(cond.label, book))
    return kind.describe(cond, book)


def uses(cond: Cond) -> Iterable[Use]:
    return kind_of(cond).uses(cond)


def children(cond: Cond) -> list[tuple[Path_, Cond]]:
    return kind_of(cond).children(cond)


def evaluate_all(conds: Sequence[Cond], ctx: Context) -> Outcome:
    """All conditions must hold: unmet beats review beats met."""
    parts = [evaluate(c, ctx) for c in conds]
    status: Decision = "met"
    if parts:
        status = min((p.status for p in parts), key=lambda s: RANK[s])
    return Outcome(
        status,
        [f for p in parts for f in p.facts],
        [m for p in parts for m in p.missing],
        [x for p in parts for x in p.params],
    )


def best(outcomes: list[Outcome]) -> Outcome:
    return max(outcomes, key=lambda o: RANK[o.status])


# --- helpers for the type modules -----------------------------------------------------


def param(book: Book, pid: str) -> Any:
    return book.params[pid].value


def get(ctx: Context, path: str) -> Any:
    return field_value(ctx.portfolio, ctx.entry, ctx.book.courses, path)


_PLACEHOLDER = re.compile(r"\{([a-z0-9.\-]+)\}")


def rule_text(text: LText, book: Book) -> RuleText:
    """A rule text with the values of the parameters its ``{placeholders}`` name."""
    found = _PLACEHOLDER.findall(text.nl + "\n" + (text.en or ""))
    params = book.params
    return RuleText(text, {p: params[p].value for p in found if p in params})


def label(cond: Cond, book: Book) -> Message | None:
    """The condition's own label as a message, or None."""
    return msg("cond.label", text=rule_text(cond.label, book)) if cond.label else None


def subject(cond: Cond, book: Book, name: str) -> Message | FieldName:
    """What a fact is about: the condition's label, else the field's name."""
    return label(cond, book) or FieldName(name)


def missing_value(cond: Cond, what: Any, params: list[str]) -> Outcome:
    status: Decision = cond.on_missing
    if status == "met":  # a value that, when absent, does not stand in the way
        return Outcome("met", [], [], params)
    text = msg("cond.not_given", field=what)
    return Outcome(status, [text], [text], params)


def field_uses(name: str, direction: int) -> Use:
    return Use("field", name, direction)


def param_uses(refs: Iterable[ParamRef], directions: Mapping[str, int]) -> list[Use]:
    return [Use("param", r.id, directions[r.key]) for r in refs]


def recurse_uses(conds: Iterable[Cond], sign: int = 1) -> Iterator[Use]:
    for c in conds:
        for u in uses(c):
            yield Use(u.kind, u.id, sign * u.direction)
