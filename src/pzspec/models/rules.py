"""Rule data (``rules/1``) and profile files (``profile/1``).

Rule data is declarative: thresholds are named parameters (each with a basis and a source),
and routes are lists of conditions of a few generic types. The engine interprets them; it
knows nothing of professions. The condition types live in ``pzspec.conditions`` (one
module each); their names are re-exported here for the code that reads rule data.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from pzspec.conditions import registry
from pzspec.conditions.all_of import AllOf
from pzspec.conditions.any_of import AnyOf
from pzspec.conditions.before import BeforeCond
from pzspec.conditions.below import BelowCond
from pzspec.conditions.education_in_progress import EducationInProgress
from pzspec.conditions.equals import EqualsCond
from pzspec.conditions.experience_months import ExperienceMonths
from pzspec.conditions.in_ import InCond
from pzspec.conditions.includes import IncludesCond
from pzspec.conditions.minimum import MinCond
from pzspec.conditions.registry import Condition
from pzspec.conditions.values import ParamType, value_problem
from pzspec.conditions.when import When
from pzspec.models.base import LText, Strict, empty_dict, empty_list

RULES_FORMAT = "rules/1"
PROFILE_FORMAT = "profile/1"

Basis = Literal["stated", "delphi", "provisional"]
Outcome = Literal["met", "review"]
TransitionForm = Literal[
    "graduation-cutoff", "experience-cutoff", "portfolio", "additional-education"
]
"""The forms of the overgangsregeling the Basisprofiel names (seed 000, r. 130-146 and
1327-1343): a cut-off by year of graduation, by years of experience, an exemption on the
basis of a portfolio, and time to complete an additional education."""
# Dates first: a date that went through the JSON cache comes back as a date, not a string.
Value = Annotated[dt.date | int | float | bool | str | list[str], Field(union_mode="left_to_right")]
_UNIT_TYPES: dict[str, ParamType] = {
    "maanden": "months",
    "lesdagen": "days",
    "aandeel": "share",
    "nlqf": "nlqf",
    "soorten": "count",
    "activiteiten": "count",
    "months": "months",
    "days": "days",
    "share": "share",
    "activities": "count",
}


def _not_null(cls: object, value: object) -> object:
    if value is None:
        raise PydanticCustomError("value_missing", "value missing")
    return value


class Parameter(Strict):
    """A number, date or list that decides something, with where it comes from.

    Its ``type`` (given, or read from ``unit``) fixes what values it may take, so no rule
    file can set 24 months to -5, ``true`` or a date (docs/rules-format.md).
    """

    id: str
    type: ParamType | None = None
    value: Value
    basis: Basis
    source: str
    unit: str | None = None
    description: LText

    _value_given = field_validator("value", mode="before")(_not_null)

    @property
    def kind(self) -> str:
        """The declared type, or the one its unit implies."""
        return self.type or _UNIT_TYPES.get((self.unit or "").lower()) or ""

    @model_validator(mode="after")
    def _value_fits_type(self) -> "Parameter":
        if not self.kind:
            raise PydanticCustomError("param_type", "parameter without type", {"id": self.id})
        problem = value_problem(self.kind, self.value)
        if problem:
            raise PydanticCustomError(
                "param_value", "value does not fit", {"id": self.id, "want": problem}
            )
        return self


class EntryMatch(Strict):
    """Which education entries a route looks at: catalogue ids, or kinds of other entries."""

    courses: list[str] = Field(default_factory=empty_list)
    kinds: list[str] = Field(default_factory=empty_list)


class Route(Strict):
    id: str
    label: LText
    source: str
    professions: list[str] | None = None
    entry: EntryMatch | None = None
    conditions: list[Condition] = Field(default_factory=empty_list)
    outcome: Outcome = "met"
    missing: LText
    forms: list[TransitionForm] = Field(default_factory=empty_list)
    """For a transition route: the forms of the overgangsregeling it implements."""
    provisional: LText | None = None
    """Why this route is not settled yet; a verdict resting on it is provisional."""


class Exclusion(Strict):
    """Education that never counts, whatever route is tried."""

    id: str
    courses: list[str] = Field(default_factory=empty_list)
    kinds: list[str] = Field(default_factory=empty_list)
    conditions: list[Condition] = Field(default_factory=empty_list)
    reason: LText
    source: str


class EducationRule(Strict):
    routes: list[Route] = Field(default_factory=empty_list)
    undetermined: LText | None = None
    """Without routes: the explanation when an entry could count but nobody can say yet."""
    none: LText | None = None
    """Without routes: the explanation when no entry could count at all (``unmet``)."""
    source: str


class ExperienceRule(Strict):
    min_months: str
    window_months: str
    patient_share: str
    fte_share: str
    source: str


class TransitionRule(Strict):
    open_until: str
    routes: list[Route]
    source: str


class PracticeRule(Strict):
    window_months: str
    min_kinds: str | None = None
    source: str


class ProfileRules(Strict):
    education: EducationRule
    experience: ExperienceRule | None = None
    transition: TransitionRule | None = None
    practice: PracticeRule | None = None


class Defaults(Strict):
    experience: ExperienceRule
    transition: TransitionRule
    practice: PracticeRule


class Registration(Strict):
    id: str
    label: LText
    conditions: list[Condition]
    missing: LText
    source: str


class ProfessionDef(Strict):
    id: str
    label: LText
    profile: str
    registration: str
    source: str


class Named(Strict):
    id: str
    label: LText
    description: LText | None = None


class ActivityKind(Named):
    """A kind of activity; ``work``: palliative work one may do in an employment (a
    consultatieteam, a PaTz group), which counts as experience only when recorded as one."""

    work: bool = False


class Course(Strict):
    id: str
    name: str
    kind: str
    days: int | None = None
    nlqf: int | None = None
    epas: list[str] | None = None
    institutions: list[str] | None = None
    providers: list[str] | None = None
    description: LText
    source: str


class AnnouncedProfile(Strict):
    """A profile a source announces but does not yet describe: nothing to test against."""

    id: str
    title: LText
    description: LText
    source: str


class RuleSet(Strict):
    pzspec: str
    version: str
    title: str
    publisher: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    source: str
    parameters: list[Parameter]
    professions: list[ProfessionDef]
    registrations: list[Registration]
    domains: list[Named]
    course_kinds: list[Named]
    activity_kinds: list[ActivityKind]
    courses: list[Course]
    exclusions: list[Exclusion] = Field(default_factory=empty_list)
    defaults: Defaults
    profiles: dict[str, ProfileRules]
    announced_profiles: list[AnnouncedProfile] = Field(default_factory=empty_list)


class Text(Strict):
    text: str
    source: str
    note: str | None = None


class Competency(Strict):
    id: str
    text: str
    source: str
    note: str | None = None


class Domain(Strict):
    id: str
    title: str
    competencies: list[Competency]


class PracticeActivity(Strict):
    id: str
    text: str
    kinds: list[str]
    source: str
    note: str | None = None


class TrainingLevel(Strict):
    """A level of palliative care training a source distinguishes (e.g. basis, gevorderd,
    expert for doctors)."""

    id: str
    label: LText
    text: LText
    source: str


class RouteLevel(Strict):
    """Which training level an education route of this profile corresponds to, and why."""

    route: str
    level: str
    text: LText
    source: str


class Profile(Strict):
    pzspec: str
    id: str
    version: str
    title: str
    title_en: str | None = None
    professions: list[str]
    source: str
    leadership: Text
    register_: Text = Field(alias="register")
    notes: list[Text] = Field(default_factory=empty_list)
    domains: list[Domain]
    activities: list[PracticeActivity]
    levels: list[TrainingLevel] = Field(default_factory=empty_list)
    route_levels: list[RouteLevel] = Field(default_factory=empty_list)


OVERLAY_FORMAT = "overlay/1"


class ParamSet(Strict):
    """A new value for an existing parameter, decided by the overlay's publisher."""

    value: Value
    basis: Basis = "stated"
    source: str

    _value_given = field_validator("value", mode="before")(_not_null)
    description: LText | None = None


class CourseChanges(Strict):
    add: list[Course] = Field(default_factory=empty_list)
    withdraw: list[str] = Field(default_factory=empty_list)


class RouteChanges(Strict):
    add: list[Route] = Field(default_factory=empty_list)
    withdraw: list[str] = Field(default_factory=empty_list)


class TransitionChanges(Strict):
    """Switch forms of the overgangsregeling on or off: withdraw or add its routes."""

    routes: RouteChanges | None = None


class ProfileChanges(Strict):
    routes: RouteChanges | None = None
    transition: TransitionChanges | None = None
    undetermined: LText | None = None
    practice_min_kinds: str | None = None
    experience: ExperienceRule | None = None


class Overlay(Strict):
    """Changes one version of the rule data: only what a publisher decided."""

    pzspec: str
    id: str
    extends: str
    title: str
    publisher: str
    valid_from: dt.date
    valid_until: dt.date | None = None
    source: str
    parameters: list[Parameter] = Field(default_factory=empty_list)
    set: dict[str, ParamSet] = Field(default_factory=empty_dict)
    courses: CourseChanges | None = None
    transition: TransitionChanges | None = None
    profiles: dict[str, ProfileChanges] = Field(default_factory=empty_dict)


registry.holders(  # rebuilt, inner models first, when a condition type is registered
    Route,
    Exclusion,
    Registration,
    EducationRule,
    TransitionRule,
    ProfileRules,
    Defaults,
    RuleSet,
    RouteChanges,
    TransitionChanges,
    ProfileChanges,
    Overlay,
)

__all__ = [
    "AllOf",
    "AnyOf",
    "BeforeCond",
    "BelowCond",
    "Condition",
    "EducationInProgress",
    "EqualsCond",
    "ExperienceMonths",
    "InCond",
    "IncludesCond",
    "MinCond",
    "ParamType",
    "When",
    "value_problem",
]
