"""Find rule data, load it, pick the version in force on a date, and apply overlays.

Rule data comes as three kinds of file, told apart by their ``pzspec:`` line:
``rules/1`` (a full version, e.g. the Basisprofiel of maart 2025), ``overlay/1`` (a
publisher's decisions on top of one version) and ``profile/1`` (a profile's competencies).
The shipped data lives in ``data/``; ``--rules`` adds files or folders.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pzspec.errors import InputError
from pzspec.load import loader, yamlio
from pzspec.load.overlays import apply_overlay
from pzspec.models.rules import (
    OVERLAY_FORMAT,
    PROFILE_FORMAT,
    RULES_FORMAT,
    Course,
    ExperienceRule,
    Overlay,
    Parameter,
    PracticeRule,
    Profile,
    ProfileRules,
    RuleSet,
    TransitionRule,
)
from pzspec.render.i18n import Lang, tr

Kind = Literal["rules", "overlay", "profile"]
_FORMATS: dict[str, Kind] = {
    RULES_FORMAT: "rules",
    OVERLAY_FORMAT: "overlay",
    PROFILE_FORMAT: "profile",
}
_MODELS: dict[Kind, type[RuleSet | Overlay | Profile]] = {
    "rules": RuleSet,
    "overlay": Overlay,
    "profile": Profile,
}


def data_dir() -> Path:
    """The rule data: inside the installed package, or ``data/`` of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / "data"


def templates_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    packaged = package / "templates"
    if packaged.is_dir():
        return packaged
    return package.parent.parent / "templates"


@dataclass(frozen=True)
class SourceFile:
    """One rule, overlay or profile file, parsed and validated, with its content hash."""

    path: Path
    display: str
    sha256: str
    kind: Kind
    doc: yamlio.Document
    model: RuleSet | Overlay | Profile

    @property
    def set_id(self) -> str:
        m = self.model
        return m.id if isinstance(m, Overlay | Profile) else m.version


@dataclass(frozen=True)
class SetInfo:
    """Provenance of one rule set that went into a verdict."""

    id: str
    kind: Kind
    file: str
    sha256: str
    publisher: str
    valid_from: str
    valid_until: str | None


def _display(path: Path, shipped: bool) -> str:
    if shipped:
        return "pzspec:data/" + path.relative_to(data_dir()).as_posix()
    return str(path)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_source(path: Path, lang: Lang, *, shipped: bool = False) -> SourceFile:
    return _source_from_text(path, yamlio.read_text(path, lang), lang, shipped=shipped)


def _source_from_text(path: Path, text: str, lang: Lang, *, shipped: bool) -> SourceFile:
    doc = yamlio.parse(text, str(path), lang)
    data = doc.data
    fmt = data.get("pzspec") if isinstance(data, dict) else None
    kind = _FORMATS.get(fmt) if isinstance(fmt, str) else None
    if kind is None:
        line, col = (
            doc.where(("pzspec",)) if isinstance(data, dict) and "pzspec" in data else (1, 1)
        )
        raise InputError.single(
            str(path),
            tr(lang, "err.rule_format", value=fmt),
            tr(lang, "hint.rule_format"),
            line,
            col,
        )
    model = loader.validate(doc, _MODELS[kind], lang)
    return SourceFile(path, _display(path, shipped), _digest(text), kind, doc, model)


def yaml_files(paths: Iterable[Path], lang: Lang) -> list[Path]:
    """Files as given; folders searched recursively for *.yaml and *.yml, in name order.
    A missing path, or a folder entry that cannot be used (a dangling link, a pipe, an
    unreadable subfolder: see ``pzspec.load.walk``), is an error: rule data is used whole or not."""
    from pzspec.load.walk import walk

    found = walk(paths, lang, keep=False)
    if found.problems:
        raise InputError(found.problems)
    return found.files


def read_sources(paths: Iterable[Path], lang: Lang, *, shipped: bool = False) -> list[SourceFile]:
    return [read_source(p, lang, shipped=shipped) for p in yaml_files(paths, lang)]


@functools.cache
def shipped_sources(lang: Lang = "nl") -> tuple[SourceFile, ...]:
    """The shipped rule data, parsed once per process. There is no cache on disk: a cache in
    a folder others could write would be one more thing to distrust, and a verified one saved
    no measurable time (docs/performance.md)."""
    root = data_dir()
    return tuple(read_sources([root / "profiles", root / "rules"], lang, shipped=True))


@dataclass(frozen=True)
class RuleBook:
    """One rule version with its overlays applied and the profiles, indexed for the engine."""

    rules: RuleSet
    profiles: dict[str, Profile]
    file: str
    sets: tuple[SetInfo, ...] = ()
    origins: dict[str, int] = field(default_factory=dict)
    params: dict[str, Parameter] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)
    profile_files: tuple[SetInfo, ...] = ()
    withdrawn: dict[str, tuple[Course, int]] = field(default_factory=dict)
    """Courses an overlay withdrew: id -> (the course, index in ``sets`` of the overlay)."""

    def __post_init__(self) -> None:
        self.params.update({p.id: p for p in self.rules.parameters})
        self.courses.update({c.id: c for c in self.rules.courses})

    @property
    def version(self) -> str:
        return self.rules.version

    def decided_by(self, keys: Iterable[str]) -> SetInfo:
        """The most recent rule set among those that supplied ``keys`` (the base if none)."""
        index = max((self.origins.get(k, 0) for k in keys), default=0)
        return self.sets[index]

    def profile_for(self, profession: str) -> str | None:
        for prof in self.rules.professions:
            if prof.id == profession:
                return prof.profile
        return None

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


@dataclass(frozen=True)
class Library:
    """All loaded rule data: versions, overlays and profiles."""

    sources: tuple[SourceFile, ...]

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

    def at(self, day: dt.date, lang: Lang) -> RuleBook:
        """The book in force on ``day``: the base version and the overlays valid that day."""
        versions = [s for s in self.versions() if in_force(s.model, day)]  # type: ignore[arg-type]
        if not versions:
            first = min((s.model.valid_from for s in self.versions()), default=None)  # type: ignore[union-attr]
            raise InputError.single(
                "--as-of",
                tr(
                    lang,
                    "err.no_version",
                    as_of=day.isoformat(),
                    first=first.isoformat() if first else "-",
                ),
                tr(lang, "hint.no_version"),
            )
        return build(
            versions[-1], self.of_kind("overlay"), self.profiles(), day, self.profile_infos()
        )

    def named(self, version: str | None, lang: Lang) -> RuleBook:
        """A version by name (with the overlays in force today); without a name, today's."""
        today = dt.date.today()
        if version is None:
            return self.at(today, lang)
        for s in self.versions():
            if s.set_id == version:
                return build(
                    s, self.of_kind("overlay"), self.profiles(), today, self.profile_infos()
                )
        names = ", ".join(s.set_id for s in self.versions())
        raise InputError.single(
            "--version",
            tr(lang, "err.unknown_id", what=tr(lang, "what.version"), value=version),
            tr(lang, "hint.choices", choices=names),
        )


def library(extra: Iterable[Path] = (), *, defaults: bool = True, lang: Lang = "nl") -> Library:
    """The shipped data (unless ``defaults`` is False) plus the files and folders in ``extra``.
    Extra data is validated against the whole before use."""
    sources = list(shipped_sources(lang)) if defaults else []
    added = read_sources(extra, lang)
    lib = Library(tuple(sources + added))
    if added or not defaults:
        from pzspec.load.validate import errors_in

        problems = errors_in(lib, lang)
        if problems:
            raise InputError(problems)
    return lib


def by_version(version: str | None, lang: Lang) -> RuleBook:
    return library(lang=lang).named(version, lang)


def default_book(as_of: dt.date, lang: Lang) -> RuleBook:
    return library(lang=lang).at(as_of, lang)
