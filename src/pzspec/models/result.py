"""What a check produces: one result per portfolio, one entry per requirement.

Explanations, facts and what is missing are ``Message`` objects (a code and its arguments,
no words); ``pzspec.render.json_out`` words them and adds their codes for the JSON shape, a
public contract (docs/portfolio-format.md): fields may be added, never renamed or removed.
"""

from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, GetPydanticSchema
from pydantic_core import CoreSchema, core_schema

from pzspec.messages import Message
from pzspec.models.base import LText, empty_dict, empty_list


def _instance_of(cls: type, dump: Callable[[Any], Any]) -> GetPydanticSchema:
    """An instance of ``cls``, taken as it is and dumped with ``dump``. pydantic's own
    ``InstanceOf`` builds a schema for ``cls`` as well, a cost of every start (issue 14)."""

    def schema(_source: Any, _handler: Any) -> CoreSchema:
        dumped = core_schema.plain_serializer_function_ser_schema(dump)
        return core_schema.is_instance_schema(cls, serialization=dumped)

    return GetPydanticSchema(schema)


AMessage = Annotated[Message, _instance_of(Message, lambda m: {"code": m.code, "args": m.args})]
AnLText = Annotated[LText, _instance_of(LText, lambda t: t.model_dump())]

Status = Literal["met", "unmet", "review", "undetermined", "info", "not-applicable"]
Verdict = Literal["eligible", "eligible-transition", "needs-review", "not-eligible"]
VERDICTS: tuple[Verdict, ...] = ("eligible", "eligible-transition", "needs-review", "not-eligible")
Said = AMessage | str
"""What a requirement says: a ``Message`` (plain text only until every condition type
returns messages)."""


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class ParamUse(_Out):
    id: str
    value: Any
    basis: Literal["stated", "delphi", "provisional"]
    source: str
    unit: str | None = None
    description: AnLText


class Requirement(_Out):
    id: str
    status: Status
    explanation: Said
    source: str
    route: str | None = None
    months: int | None = None
    required_months: int | None = None
    window_months: int | None = None
    open_until: str | None = None
    facts: list[Said] = Field(default_factory=empty_list)
    missing: list[Said] = Field(default_factory=empty_list)
    parameters: list[ParamUse] = Field(default_factory=empty_list)
    provisional: bool = False
    provisional_reason: Said | None = None
    """Why the rule that decided is itself not settled (e.g. a route still being studied)."""
    rule_set: str = ""
    rule_file: str = ""
    details: dict[str, Any] = Field(default_factory=empty_dict)


class PersonSummary(_Out):
    name: str | None = None
    profession: str
    profession_label: Said
    big_number: str | None = None


class RuleSetUse(_Out):
    id: str
    kind: str
    file: str
    sha256: str
    publisher: str
    valid_from: str
    valid_until: str | None = None


class Provenance(_Out):
    """Enough to reproduce a verdict later: engine version, rule files (hashed), date."""

    pzspec_version: str
    as_of: str
    rule_sets: list[RuleSetUse]


class CheckResult(_Out):
    file: str
    profile: str | None
    profile_title: Said | None = None
    rules_version: str
    as_of: str
    verdict: Verdict
    provisional: bool
    person: PersonSummary
    requirements: list[Requirement]
    pzspec_version: str
    provenance: Provenance

    def requirement(self, rid: str) -> "Requirement":
        return next(r for r in self.requirements if r.id == rid)
