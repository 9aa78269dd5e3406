"""The portfolio file, format ``portfolio/1`` (see docs/portfolio-format.md: a public contract)."""

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from pzspec.models.base import Share, Strict, empty_list

FORMAT = "portfolio/1"


def _domain_tag(value: object) -> object:
    # `domains: [6, "2.3"]`: a bare whole number is a domain too. A bare 2.10 would have
    # become 2.1 already, so floats are refused (the validator asks for quotes).
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


KwaliteitskaderDomain = Annotated[
    str,
    BeforeValidator(_domain_tag),
    Field(pattern=r"^(1|2(\.([1-9]|10))?|[3-9]|10)$"),
]


class Big(Strict):
    number: Annotated[str, Field(pattern=r"^\d{11}$")] | None = None
    registered: bool


class Person(Strict):
    name: str | None = None
    profession: str
    specialism: str | None = None
    graduated: dt.date | None = None
    big: Big | None = None
    vakbekwaamheid: bool | None = None


class EducationEntry(Strict):
    course: str | None = None
    name: str | None = None
    kind: str | None = None
    started: dt.date | None = None
    completed: dt.date
    provider: str | None = None
    institution: str | None = None
    level: Literal["post-mbo", "post-hbo"] | None = None
    """Which leergang it was (post-mbo: EPA-onderwijs; post-hbo: NLQF 6)."""
    days: Annotated[int, Field(ge=0, le=1000)] | None = None
    nlqf: Annotated[int, Field(ge=1, le=8)] | None = None
    epas: list[str] | None = None
    placement_palliative_share: Share | None = None
    assessment: bool | None = None
    field: str | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _course_or_kind(self) -> "EducationEntry":
        if (self.course is None) == (self.kind is None):
            raise PydanticCustomError("course_or_kind", "course or kind")
        if self.started and self.started > self.completed:
            raise PydanticCustomError(
                "ends_before_start",
                "ends before start",
                {
                    "start": self.started.isoformat(),
                    "to": self.completed.isoformat(),
                    "from_key": "started",
                    "to_key": "completed",
                },
            )
        return self


class Employment(Strict):
    employer: str | None = None
    role: str | None = None
    setting: str | None = None
    start: dt.date = Field(alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    fte: Annotated[float, Field(gt=0.0, le=2.0)] | None = None
    palliative_patient_share: Share | None = None
    palliative_fte_share: Share | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> "Employment":
        if self.end is not None and self.end < self.start:
            raise PydanticCustomError(
                "ends_before_start",
                "ends before start",
                {
                    "start": self.start.isoformat(),
                    "to": self.end.isoformat(),
                    "from_key": "from",
                    "to_key": "to",
                },
            )
        return self


class Activity(Strict):
    kind: str
    date: dt.date | None = None
    start: dt.date | None = Field(default=None, alias="from")
    end: dt.date | None = Field(default=None, alias="to")
    hours: Annotated[float, Field(ge=0.0, le=100_000.0)] | None = None
    accredited: bool | None = None
    domains: list[KwaliteitskaderDomain] | None = None
    description: str | None = None

    @model_validator(mode="after")
    def _one_date_or_period(self) -> "Activity":
        if (self.date is None) == (self.start is None) or (self.end and not self.start):
            raise PydanticCustomError("activity_period", "date or period")
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError(
                "ends_before_start",
                "ends before start",
                {
                    "start": self.start.isoformat(),
                    "to": self.end.isoformat(),
                    "from_key": "from",
                    "to_key": "to",
                },
            )
        return self

    @property
    def first_day(self) -> dt.date:
        return self.date or self.start or dt.date.min

    def last_day(self, as_of: dt.date) -> dt.date:
        if self.date:
            return self.date
        return self.end or as_of


class TransitionRequest(Strict):
    portfolio_review: bool = False


class Portfolio(Strict):
    pzspec: str
    person: Person
    target: str | None = None
    education: list[EducationEntry] = Field(default_factory=empty_list)
    experience: list[Employment] = Field(default_factory=empty_list)
    activities: list[Activity] = Field(default_factory=empty_list)
    transition: TransitionRequest = Field(default_factory=TransitionRequest)
    expect: Any = None
    """Expected outcomes for ``pzspec test`` (issue 18); ``pzspec check`` ignores them, and
    ``pzspec.evaluate.expect`` reads them strictly."""
