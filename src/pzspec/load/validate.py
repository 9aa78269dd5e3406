"""``pzspec validate``: everything that can be wrong in rule data, with file, line and column.

Schema problems stop at loading (loader.py); this module checks what a schema cannot see:
unique ids, references between files, validity windows, and overlays that fit their version.
"""

from __future__ import annotations

import datetime as dt
import itertools

from pzspec.errors import Problem
from pzspec.load import param_checks
from pzspec.load.book import Library
from pzspec.load.overlay_checks import check_overlay
from pzspec.load.rule_checks import (
    Catalogue,
    Findings,
    Path_,
    check_conds,
    check_param_ids,
    check_routes,
    check_source,
    experience_refs,
    reporter,
)
from pzspec.load.sources import SourceFile
from pzspec.load.spelling import spelling_key
from pzspec.messages import msg
from pzspec.models.rules import Overlay, Profile, RuleSet

_ID_LISTS = (
    "parameters",
    "courses",
    "course_kinds",
    "activity_kinds",
    "professions",
    "registrations",
    "domains",
    "announced_profiles",
)


def _check_rules(f: Findings, src: SourceFile, rules: RuleSet, profile_ids: set[str]) -> None:
    cat = Catalogue(rules, profile_ids)
    _check_ids(f, src, rules, profile_ids)
    for i, p in enumerate(rules.parameters):
        check_source(f, src, i, p)
    _check_references(f, src, rules, cat, profile_ids)
    _check_defaults(f, src, rules, cat)
    _check_profile_rules(f, src, rules, cat, profile_ids)
    params = {p.id: p for p in rules.parameters}
    report = reporter(f, src)
    param_checks.check_uses(param_checks.rules_uses(rules), params, report)
    param_checks.check_windows(rules, params, report)


_SPELLED_LISTS = ("courses", "course_kinds", "activity_kinds", "professions")
"""The lists a portfolio names ids of, read in any spelling (``pzspec.load.spelling``)."""


def _check_spellings(f: Findings, src: SourceFile, name: str, ids: list[str]) -> None:
    """Two ids a portfolio cannot tell apart (``MDO`` and ``mdo``) are an error."""
    seen: dict[str, str] = {}
    for i, item in enumerate(ids):
        key = spelling_key(item)
        other = seen.setdefault(key, item)
        if other != item:
            hint = msg("hint.same_spelling")
            f.add(src, (name, i, "id"), "val.same_spelling", hint, id=item, other=other)


def _check_ids(f: Findings, src: SourceFile, rules: RuleSet, profile_ids: set[str]) -> None:
    """Unique ids in every list; an announced profile is not also described."""
    for name in _ID_LISTS:
        f.unique(src, (name,), [x.id for x in getattr(rules, name)])
    for name in _SPELLED_LISTS:
        _check_spellings(f, src, name, [x.id for x in getattr(rules, name)])
    for i, ann in enumerate(rules.announced_profiles):
        if ann.id in profile_ids or ann.id in rules.profiles:
            f.add(
                src,
                ("announced_profiles", i, "id"),
                "val.announced_described",
                msg("hint.announced_described"),
                level="warning",
                id=ann.id,
                other="profiles",
            )


def _check_references(
    f: Findings, src: SourceFile, rules: RuleSet, cat: Catalogue, profile_ids: set[str]
) -> None:
    """Professions, registrations, exclusions and courses name what exists."""
    for i, prof in enumerate(rules.professions):
        if prof.profile not in profile_ids:
            f.unknown(src, ("professions", i, "profile"), "what.profile", prof.profile, profile_ids)
        if prof.registration not in cat.registrations:
            f.unknown(
                src,
                ("professions", i, "registration"),
                "val.what_registration",
                prof.registration,
                cat.registrations,
            )
    for i, reg in enumerate(rules.registrations):
        check_conds(f, src, reg.conditions, ("registrations", i, "conditions"), cat)
    for i, ex in enumerate(rules.exclusions):
        for j, cid in enumerate(ex.courses):
            if cid not in cat.courses:
                f.unknown(src, ("exclusions", i, "courses", j), "what.course", cid, cat.courses)
        for j, kind in enumerate(ex.kinds):
            if kind not in cat.kinds:
                f.unknown(src, ("exclusions", i, "kinds", j), "what.course_kind", kind, cat.kinds)
        check_conds(f, src, ex.conditions, ("exclusions", i, "conditions"), cat)
    for i, course in enumerate(rules.courses):
        if course.kind not in cat.kinds:
            f.unknown(src, ("courses", i, "kind"), "what.course_kind", course.kind, cat.kinds)


def _check_defaults(f: Findings, src: SourceFile, rules: RuleSet, cat: Catalogue) -> None:
    d = rules.defaults
    check_param_ids(f, src, ("defaults", "experience"), experience_refs(d.experience), cat)
    check_param_ids(
        f, src, ("defaults", "transition"), [("open_until", d.transition.open_until)], cat
    )
    check_param_ids(
        f,
        src,
        ("defaults", "practice"),
        [("window_months", d.practice.window_months), ("min_kinds", d.practice.min_kinds)],
        cat,
    )
    where: Path_ = ("defaults", "transition", "routes")
    check_routes(f, src, d.transition.routes, where, cat, transition=True)


def _check_profile_rules(
    f: Findings, src: SourceFile, rules: RuleSet, cat: Catalogue, profile_ids: set[str]
) -> None:
    """Each profile with rules is described, and each described profile has rules."""
    for pid, pr in rules.profiles.items():
        if pid not in profile_ids:
            f.unknown(src, ("profiles", pid), "what.profile", pid, profile_ids)
        check_routes(f, src, pr.education.routes, ("profiles", pid, "education", "routes"), cat)
        if pr.transition:
            where: Path_ = ("profiles", pid, "transition", "routes")
            check_routes(f, src, pr.transition.routes, where, cat, transition=True)
    for pid in profile_ids - set(rules.profiles):
        f.add(
            src,
            ("profiles",),
            "val.profile_without_rules",
            msg("hint.profile_without_rules"),
            profile=pid,
        )


def _check_profile(f: Findings, src: SourceFile, profile: Profile, cat: Catalogue) -> None:
    for i, prof in enumerate(profile.professions):
        if prof not in cat.professions:
            f.unknown(src, ("professions", i), "what.profession", prof, cat.professions)
    ids = [c.id for d in profile.domains for c in d.competencies] + [
        a.id for a in profile.activities
    ]
    seen: set[str] = set()
    for di, domain in enumerate(profile.domains):
        if domain.id not in cat.domains:
            f.unknown(src, ("domains", di, "id"), "what.domain", domain.id, cat.domains)
        for ci, comp in enumerate(domain.competencies):
            if comp.id in seen:
                f.add(
                    src,
                    ("domains", di, "competencies", ci, "id"),
                    "val.duplicate_id",
                    msg("hint.duplicate_id"),
                    value=comp.id,
                )
            seen.add(comp.id)
    missing = [d for d in cat.domains if d not in {x.id for x in profile.domains}]
    if missing:
        f.add(
            src,
            ("domains",),
            "val.missing_domains",
            msg("hint.missing_domains"),
            domains=missing,
        )
    for ai, act in enumerate(profile.activities):
        if act.id in seen:
            f.add(
                src,
                ("activities", ai, "id"),
                "val.duplicate_id",
                msg("hint.duplicate_id"),
                value=act.id,
            )
        seen.add(act.id)
        for ki, kind in enumerate(act.kinds):
            if kind not in cat.activity_kinds:
                f.unknown(
                    src,
                    ("activities", ai, "kinds", ki),
                    "what.activity_kind",
                    kind,
                    cat.activity_kinds,
                )
    del ids


def _check_levels(f: Findings, src: SourceFile, profile: Profile, rules: RuleSet) -> None:
    """Training levels: unique ids; each route level names a level and an education route."""
    f.unique(src, ("levels",), [lv.id for lv in profile.levels])
    levels = [lv.id for lv in profile.levels]
    pr = rules.profiles.get(profile.id)
    routes = [r.id for r in pr.education.routes] if pr else []
    for i, rl in enumerate(profile.route_levels):
        if rl.level not in levels:
            f.unknown(src, ("route_levels", i, "level"), "what.level", rl.level, levels)
        if rl.route not in routes:
            f.unknown(src, ("route_levels", i, "route"), "what.route", rl.route, routes)


def _check_windows(f: Findings, versions: list[SourceFile]) -> None:
    for src in versions:
        m = src.model
        assert isinstance(m, RuleSet)
        if m.valid_until and m.valid_until < m.valid_from:
            f.add(src, ("valid_until",), "val.until_before_from", msg("hint.until_before_from"))
    for prev, nxt in itertools.pairwise(versions):
        a, b = prev.model, nxt.model
        assert isinstance(a, RuleSet) and isinstance(b, RuleSet)
        if a.valid_until is None or a.valid_until >= b.valid_from:
            f.add(
                nxt,
                ("valid_from",),
                "val.overlap",
                msg("hint.overlap", version=a.version),
                version=b.version,
                other=a.version,
            )
        elif a.valid_until + dt.timedelta(days=1) < b.valid_from:
            f.add(
                nxt,
                ("valid_from",),
                "val.gap",
                msg("hint.gap"),
                other=a.version,
                start=(a.valid_until + dt.timedelta(days=1)).isoformat(),
                end=(b.valid_from - dt.timedelta(days=1)).isoformat(),
            )


def findings(lib: Library, today: dt.date | None = None) -> list[Problem]:
    """Every error and warning in the library."""
    f = Findings()
    today = today or dt.date.today()
    profiles = lib.of_kind("profile")
    profile_ids = {s.model.id for s in profiles}  # type: ignore[union-attr]
    versions = lib.versions()
    by_id: dict[str, SourceFile] = {}
    for src in profiles:
        pid = src.model.id  # type: ignore[union-attr]
        if pid in by_id:
            f.add(
                src,
                ("id",),
                "val.duplicate_file_id",
                msg("hint.duplicate_id"),
                value=pid,
                other=by_id[pid].display,
            )
        by_id[pid] = src
    by_version: dict[str, SourceFile] = {}
    for src in versions + lib.of_kind("overlay"):
        sid = src.set_id
        if sid in by_version:
            f.add(
                src,
                ("id",) if src.kind == "overlay" else ("version",),
                "val.duplicate_file_id",
                msg("hint.duplicate_id"),
                value=sid,
                other=by_version[sid].display,
            )
        by_version[sid] = src
    for src in versions:
        assert isinstance(src.model, RuleSet)
        _check_rules(f, src, src.model, profile_ids)
        _expired(f, src, src.model.valid_until, today)
    if versions:
        latest = versions[-1].model
        assert isinstance(latest, RuleSet)
        cat = Catalogue(latest, profile_ids)
        for src in profiles:
            assert isinstance(src.model, Profile)
            _check_profile(f, src, src.model, cat)
            _check_levels(f, src, src.model, latest)
    versions_by_name = {s.set_id: s for s in versions}
    for src in lib.of_kind("overlay"):
        assert isinstance(src.model, Overlay)
        check_overlay(f, src, src.model, versions_by_name, profile_ids)
        _expired(f, src, src.model.valid_until, today)
    _check_windows(f, versions)
    if not versions:
        f.items.append(
            Problem("pzspec", None, None, msg("val.no_versions"), msg("hint.no_versions"))
        )
    return f.items


def errors_in(lib: Library) -> list[Problem]:
    """The errors (not the warnings) in the library: what ``catalog.library`` refuses."""
    return [p for p in findings(lib) if p.level == "error"]


def _expired(f: Findings, src: SourceFile, until: dt.date | None, today: dt.date) -> None:
    """A warning: the rule set or overlay is no longer valid today."""
    if until and until < today:
        f.add(
            src,
            ("valid_until",),
            "val.expired",
            msg("hint.expired"),
            level="warning",
            date=until.isoformat(),
        )
