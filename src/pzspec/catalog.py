"""Find the shipped rule data, load it once, and pick the version in force on a date."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path

from pzspec import loader, yamlio
from pzspec.errors import InputError
from pzspec.i18n import Lang, tr
from pzspec.models.rules import (
    PROFILE_FORMAT,
    RULES_FORMAT,
    Course,
    ExperienceRule,
    Parameter,
    PracticeRule,
    Profile,
    ProfileRules,
    RuleSet,
    TransitionRule,
)


def data_dir() -> Path:
    """The rule data: inside the installed package, or ``data/`` of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def templates_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "templates"


@dataclass(frozen=True)
class RuleBook:
    """One rule version with the profiles it applies to, indexed for the engine."""

    rules: RuleSet
    profiles: dict[str, Profile]
    file: str
    params: dict[str, Parameter] = field(default_factory=dict)
    courses: dict[str, Course] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.params.update({p.id: p for p in self.rules.parameters})
        self.courses.update({c.id: c for c in self.rules.courses})

    @property
    def version(self) -> str:
        return self.rules.version

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


def _load_ruleset(path: Path, lang: Lang) -> RuleSet:
    doc = yamlio.load(path, lang)
    loader._check_format(doc, RULES_FORMAT, lang)
    return loader.validate(doc, RuleSet, lang)


def _load_profile(path: Path, lang: Lang) -> Profile:
    doc = yamlio.load(path, lang)
    loader._check_format(doc, PROFILE_FORMAT, lang)
    return loader.validate(doc, Profile, lang)


@functools.cache
def load_books(root: Path, lang: Lang = "nl") -> tuple[RuleBook, ...]:
    """Every rule version under ``root/rules`` with the profiles of ``root/profiles``."""
    profiles = {}
    for path in sorted((root / "profiles").glob("*.yaml")):
        profile = _load_profile(path, lang)
        profiles[profile.id] = profile
    books = []
    for path in sorted((root / "rules").glob("*.yaml")):
        rules = _load_ruleset(path, lang)
        books.append(RuleBook(rules, profiles, str(path)))
    books.sort(key=lambda b: b.rules.valid_from)
    return tuple(books)


def select(books: tuple[RuleBook, ...], as_of: dt.date, lang: Lang) -> RuleBook:
    """The version in force on ``as_of``."""
    candidates = [
        b
        for b in books
        if b.rules.valid_from <= as_of
        and (b.rules.valid_until is None or as_of <= b.rules.valid_until)
    ]
    if not candidates:
        first = min((b.rules.valid_from for b in books), default=None)
        raise InputError.single(
            "--as-of",
            tr(
                lang,
                "err.no_version",
                as_of=as_of.isoformat(),
                first=first.isoformat() if first else "-",
            ),
            tr(lang, "hint.no_version"),
        )
    return candidates[-1]


def by_version(version: str | None, lang: Lang) -> RuleBook:
    """A shipped version by name; without a name, the version in force today."""
    books = load_books(data_dir(), lang)
    if version is None:
        return select(books, dt.date.today(), lang)
    for book in books:
        if book.version == version:
            return book
    names = ", ".join(b.version for b in books)
    raise InputError.single(
        "--version",
        tr(lang, "err.unknown_id", what=tr(lang, "what.version"), value=version),
        tr(lang, "hint.choices", choices=names),
    )


def default_book(as_of: dt.date, lang: Lang) -> RuleBook:
    return select(load_books(data_dir(), lang), as_of, lang)
