"""The library of rule versions, and the rule book in force on a day.

A ``RuleBook`` is one rule version with the overlays in force applied (``build``) and the
profiles, indexed for the engine; a ``Library`` holds every loaded rule file and picks the
book for a date (``at``) or a version name (``named``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from pzspec.errors import InputError, Problem
from pzspec.load.overlays import apply_overlay
from pzspec.load.sources import Kind, SourceFile
from pzspec.messages import msg
from pzspec.models.rules import (
    Course,
    ExperienceRule,
    Overlay,
    Parameter,
    PracticeRule,
    ProfessionDef,
    Profile,
    ProfileRules,
    RuleSet,
    TransitionRule,
)


class SetInfo(NamedTuple):
    """Provenance of one rule set that went into a verdict."""

    id: str
    kind: Kind
    file: str
    sha256: str
    publisher: str
    valid_from: str
    valid_until: str | None


class RuleBook:
    """One rule version with its overlays applied and the profiles, indexed for the engine:
    ``params`` and ``courses`` by id (those of ``rules`` added to any given), ``origins``
    (which set supplied a thing: an index in ``sets``) and ``withdrawn``, the courses an
    overlay withdrew: id -> (the course, index in ``sets`` of the overlay). Treat it as
    immutable."""

    __slots__ = (
        "courses",
        "file",
        "origins",
        "params",
        "profile_files",
        "profiles",
        "rules",
        "sets",
        "uses",
        "withdrawn",
    )

    def __init__(
        self,
        rules: RuleSet,
        profiles: dict[str, Profile],
        file: str,
        sets: tuple[SetInfo, ...] = (),
        origins: dict[str, int] | None = None,
        params: dict[str, Parameter] | None = None,
        courses: dict[str, Course] | None = None,
        profile_files: tuple[SetInfo, ...] = (),
        withdrawn: dict[str, tuple[Course, int]] | None = None,
    ) -> None:
        self.rules, self.profiles, self.file, self.sets = rules, profiles, file, sets
        self.origins: dict[str, int] = {} if origins is None else origins
        self.params: dict[str, Parameter] = {} if params is None else params
        self.courses: dict[str, Course] = {} if courses is None else courses
        self.profile_files = profile_files
        self.withdrawn: dict[str, tuple[Course, int]] = {} if withdrawn is None else withdrawn
        self.params.update({p.id: p for p in rules.parameters})
        self.courses.update({c.id: c for c in rules.courses})
        self.uses: dict[tuple[str, object], object] = {}
        """What the engine derives from this book once rather than per portfolio (its
        parameters as a result shows them); see ``evaluate.engine``."""

    @property
    def version(self) -> str:
        return self.rules.version

    def decided_by(self, keys: Iterable[str]) -> SetInfo:
        """The most recent rule set among those that supplied ``keys`` (the base if none)."""
        index = max((self.origins.get(k, 0) for k in keys), default=0)
        return self.sets[index]

    def profession(self, profession_id: str) -> ProfessionDef | None:
        """The one lookup of a profession by id."""
        return next((p for p in self.rules.professions if p.id == profession_id), None)

    def profile_for(self, profession: str) -> str | None:
        found = self.profession(profession)
        return found.profile if found else None

    def profile_rules(self, profile_id: str) -> ProfileRules:
        return self.rules.profiles[profile_id]

    def experience(self, profile_id: str) -> ExperienceRule:
        return self.profile_rules(profile_id).experience or self.rules.defaults.experience

    def transition(self, profile_id: str) -> TransitionRule:
        return self.profile_rules(profile_id).transition or self.rules.defaults.transition

    def practice(self, profile_id: str) -> PracticeRule:
        return self.profile_rules(profile_id).practice or self.rules.defaults.practice


def _info(src: SourceFile) -> SetInfo:
    m = src.model
    if isinstance(m, Profile):
        return SetInfo(
            id=m.id,
            kind="profile",
            file=src.display,
            sha256=src.sha256,
            publisher="",
            valid_from="",
            valid_until=None,
        )
    return SetInfo(
        id=src.set_id,
        kind=src.kind,
        file=src.display,
        sha256=src.sha256,
        publisher=m.publisher,
        valid_from=m.valid_from.isoformat(),
        valid_until=m.valid_until.isoformat() if m.valid_until else None,
    )


def in_force(model: RuleSet | Overlay, day: dt.date) -> bool:
    return model.valid_from <= day and (model.valid_until is None or day <= model.valid_until)


def build(
    base: SourceFile,
    overlays: list[SourceFile],
    profiles: dict[str, Profile],
    day: dt.date | None,
    profile_files: tuple[SetInfo, ...] = (),
) -> RuleBook:
    """The book of ``base`` with the overlays that extend it and are in force on ``day``
    (all of them when ``day`` is None), applied in order of their start date."""
    rules = base.model
    assert isinstance(rules, RuleSet)
    chosen = sorted(
        (
            o
            for o in overlays
            if isinstance(o.model, Overlay)
            and o.model.extends == rules.version
            and (day is None or in_force(o.model, day))
        ),
        key=lambda o: (o.model.valid_from, o.display),  # type: ignore[union-attr]
    )
    origins: dict[str, int] = {}
    sets = [_info(base)]
    withdrawn: dict[str, tuple[Course, int]] = {}
    for i, src in enumerate(chosen, start=1):
        assert isinstance(src.model, Overlay)
        if src.model.courses:
            gone = set(src.model.courses.withdraw)
            withdrawn |= {c.id: (c, i) for c in rules.courses if c.id in gone}
        rules = apply_overlay(rules, src.model, origins, i)
        for c in rules.courses:  # withdrawn once, added again later
            withdrawn.pop(c.id, None)
        sets.append(_info(src))
    return RuleBook(
        rules,
        profiles,
        base.display,
        tuple(sets),
        origins,
        profile_files=profile_files,
        withdrawn=withdrawn,
    )


class Library:
    """All loaded rule data: versions, overlays and profiles. ``notices``: what a user should
    know about how the data was put together (a file given that replaces a shipped one):
    level ``info``, shown once on stderr. Treat it as immutable."""

    __slots__ = ("notices", "sources")

    def __init__(self, sources: tuple[SourceFile, ...], notices: tuple[Problem, ...] = ()) -> None:
        self.sources, self.notices = sources, notices

    def of_kind(self, kind: Kind) -> list[SourceFile]:
        return [s for s in self.sources if s.kind == kind]

    def profiles(self) -> dict[str, Profile]:
        out: dict[str, Profile] = {}
        for s in self.of_kind("profile"):
            assert isinstance(s.model, Profile)
            out[s.model.id] = s.model
        return out

    def profile_infos(self) -> tuple[SetInfo, ...]:
        return tuple(_info(s) for s in self.of_kind("profile"))

    def versions(self) -> list[SourceFile]:
        return sorted(self.of_kind("rules"), key=lambda s: s.model.valid_from)  # type: ignore[union-attr]

    def at(self, day: dt.date) -> RuleBook:
        """The book in force on ``day``: the base version and the overlays valid that day."""
        versions = [s for s in self.versions() if in_force(s.model, day)]  # type: ignore[arg-type]
        if not versions:
            first = min((s.model.valid_from for s in self.versions()), default=None)  # type: ignore[union-attr]
            message = msg("err.no_version", as_of=day, first=first or "-")
            raise InputError.single("--as-of", message, msg("hint.no_version"))
        return build(
            versions[-1], self.of_kind("overlay"), self.profiles(), day, self.profile_infos()
        )

    def named(self, version: str | None) -> RuleBook:
        """A version by name (with the overlays in force today); without a name, today's."""
        today = dt.date.today()
        if version is None:
            return self.at(today)
        for s in self.versions():
            if s.set_id == version:
                return build(
                    s, self.of_kind("overlay"), self.profiles(), today, self.profile_infos()
                )
        names = [s.set_id for s in self.versions()]
        message = msg("err.unknown_id", what=msg("what.version"), value=version)
        raise InputError.single("--version", message, msg("hint.choices", choices=names))
