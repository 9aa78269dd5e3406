"""The portfolio fields a condition may name, with the type of their values.

A condition type declares which field types it can compare (``min`` numbers, ``before``
dates, ...); ``pzspec validate`` refuses a field that is not here, or one whose type the
condition cannot compare, with the place in the file (docs/rules-format.md).
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple

from pzspec.conditions.values import ParamType
from pzspec.models.portfolio import EducationEntry, Portfolio

FieldType = Literal["number", "date", "text", "bool", "codes"]


class PortfolioField(NamedTuple):
    """A field: its name, the type of its values, and for a number the parameter type a
    value compared with it must have (inline or by parameter id)."""

    name: str
    type: FieldType
    param: ParamType | None = None


FIELDS: dict[str, PortfolioField] = {
    f.name: f
    for f in (
        # an education entry, or the catalogue course it names
        PortfolioField("course", "text"),
        PortfolioField("name", "text"),
        PortfolioField("kind", "text"),
        PortfolioField("started", "date"),
        PortfolioField("completed", "date"),
        PortfolioField("provider", "text"),
        PortfolioField("institution", "text"),
        PortfolioField("providers", "codes"),
        PortfolioField("institutions", "codes"),
        PortfolioField("level", "text"),
        PortfolioField("days", "number", "days"),
        PortfolioField("nlqf", "number", "nlqf"),
        PortfolioField("epas", "codes"),
        PortfolioField("placement_palliative_share", "number", "share"),
        PortfolioField("assessment", "bool"),
        PortfolioField("field", "text"),
        # the person and the transition request (name and BIG number are personal data)
        PortfolioField("person.graduated", "date"),
        PortfolioField("person.profession", "text"),
        PortfolioField("person.specialism", "text"),
        PortfolioField("person.vakbekwaamheid", "bool"),
        PortfolioField("person.big.registered", "bool"),
        PortfolioField("transition.portfolio_review", "bool"),
    )
}
"""The fields a condition may look at (docs/rules-format.md)."""

CONDITION_FIELDS: dict[str, FieldType] = {name: f.type for name, f in FIELDS.items()}
FIELD_PARAM_TYPES: dict[str, ParamType] = {
    name: f.param for name, f in FIELDS.items() if f.param is not None
}


class FieldName:
    """A field named in a message: worded as its label (``field.<name>`` in the catalogue)
    when there is one, else as the name itself. A message argument, so not a tuple."""

    __slots__ = ("name",)
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FieldName) or other.__class__ is not self.__class__:
            return NotImplemented
        return self.name == other.name

    def __hash__(self) -> int:
        return hash((self.name,))

    def __repr__(self) -> str:
        return f"FieldName(name={self.name!r})"


def field_value(portfolio: Portfolio, entry: EducationEntry | None, courses: Any, path: str) -> Any:
    """The value of a field: ``person.*`` and ``transition.*`` of the portfolio, else the
    education entry (its own value first, then that of the catalogue course it names)."""
    head, _, rest = path.partition(".")
    if head in ("person", "transition") and rest:
        value: Any = getattr(portfolio, head)
        for part in rest.split("."):
            value = getattr(value, part, None) if value is not None else None
        return value
    if entry is None:
        return None
    value = getattr(entry, path, None)
    if value is None and entry.course:
        course = courses.get(entry.course)
        value = getattr(course, path, None) if course else None
    return value
