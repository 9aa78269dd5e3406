"""``pzspec diff``: what a change to rule data means for who is eligible.

Each side (a rule file, a folder of rule data, or a git revision of one) is loaded as a
Library; their effective rule books are compared element by element. Every change gets a
kind:

- ``tightened``: someone who qualified may now fall short (a threshold raised, a course or
  route removed, a condition added, ...);
- ``loosened``: the reverse;
- ``added`` / ``removed``: profiles, professions, competencies, activities, kinds, versions;
- ``editorial``: wording and sources only, or values no condition uses.

The direction of a changed number or date is derived from how the rule data uses it (a
``min`` threshold raised is stricter, a ``below`` limit in an exclusion raised is stricter, a
``before`` date or closing date moved earlier is stricter, ...), never from a list of
parameter ids. A change whose direction cannot be told counts as a tightening.

A replay checks portfolios under both sides and lists those whose verdict changes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from pzspec.errors import InputError, Problem, one_line, shown
from pzspec.evaluate.batch import check_file
from pzspec.evaluate.conditions import describe
from pzspec.load.catalog import Library, RuleBook, SourceFile, read_sources, shipped_sources
from pzspec.models.base import LText
from pzspec.models.result import CheckResult
from pzspec.models.rules import (
    AllOf,
    AnyOf,
    BeforeCond,
    BelowCond,
    Condition,
    EducationInProgress,
    EqualsCond,
    ExperienceMonths,
    ExperienceRule,
    IncludesCond,
    InCond,
    MinCond,
    Overlay,
    PracticeRule,
    Profile,
    Route,
    RuleSet,
    TransitionRule,
    When,
)
from pzspec.render.i18n import Lang, tr
from pzspec.render.words import word

Kind = Literal["tightened", "loosened", "added", "removed", "editorial"]
KINDS: tuple[Kind, ...] = ("tightened", "loosened", "added", "removed", "editorial")
FailOn = Literal["breaking", "any", "none"]
ERROR = "error"
"""The 'verdict' of a portfolio that cannot be checked under one side."""

# how good a verdict is, to tell a worse one from a better one
_RANK = {"eligible": 3, "eligible-transition": 3, "needs-review": 2, "not-eligible": 1, ERROR: 0}
_ORDER = ["eligible", "eligible-transition", "needs-review", "not-eligible", ERROR]


# --- results -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Change:
    """One semantic change between the two sides."""

    path: str
    kind: Kind
    breaking: bool
    old: Any = None
    new: Any = None
    explanation: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "breaking": self.breaking,
            "old": self.old,
            "new": self.new,
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class Impact:
    """A portfolio whose verdict differs between the sides."""

    file: str
    before: str
    after: str
    reason: str
    requirement: str | None = None

    @property
    def worse(self) -> bool:
        return _RANK[self.after] < _RANK[self.before]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "changes": [c.as_dict() for c in self.changes],
            "impact": [i.as_dict() for i in self.impact],
            "transitions": [
                {"before": b, "after": a, "count": n} for b, a, n in self.transitions()
            ],
        }


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


# --- the two sides -----------------------------------------------------------------------
def load_side(path: Path, lang: Lang, *, shown_as: tuple[Path, str] | None = None) -> Library:
    """One side of a diff.

    A folder or file holding a full rule version is taken as given (with the shipped profiles
    when it has no profile files). Without a rule version (overlays, profiles) the shipped
    data is the base: a lone overlay means nothing on its own. ``shown_as`` (root, label)
    renames files under ``root`` in error messages, e.g. a temporary git checkout.
    """
    try:
        own = read_sources([path], lang)
        if not own:
            raise InputError.single(
                str(path), tr(lang, "diff.err.empty"), tr(lang, "diff.hint.empty")
            )
        lib = _complete(own, lang)
        from pzspec.load.validate import errors_in

        problems = errors_in(lib, lang)
        if problems:
            raise InputError(problems)
    except InputError as err:
        if shown_as is None:
            raise
        root, label = shown_as
        raise InputError([_relabel(p, root, label) for p in err.problems]) from None
    return lib


def _relabel(problem: Problem, root: Path, label: str) -> Problem:
    try:
        rel = Path(problem.file).resolve().relative_to(root.resolve())
    except ValueError:
        return problem
    return dataclasses.replace(problem, file=f"{label}:{rel.as_posix()}")


def _complete(own: list[SourceFile], lang: Lang) -> Library:
    kinds = {s.kind for s in own}
    shipped = list(shipped_sources(lang))
    if "rules" in kinds:
        if "profile" in kinds:
            return Library(tuple(own))
        return Library(tuple(own + [s for s in shipped if s.kind == "profile"]))
    mine = {s.set_id for s in own if s.kind == "profile"}
    base = [s for s in shipped if not (s.kind == "profile" and s.set_id in mine)]
    return Library(tuple(base + own))


def git_snapshot(rev: str, path: Path, dest: Path, lang: Lang) -> Path:
    """Write the YAML files of ``path`` (a file or folder of the working copy) as they are
    at git revision ``rev`` under ``dest``; return the path of the copy."""
    git = shutil.which("git")
    if git is None:
        raise InputError.single("git", tr(lang, "diff.err.git_missing"), tr(lang, "diff.hint.git"))
    if rev.startswith("-"):  # never let a revision pass as an option of git
        raise InputError.single(
            f"--git {rev}", tr(lang, "diff.err.git", reason=rev), tr(lang, "diff.hint.git")
        )
    where = path if path.is_dir() else path.parent
    if not where.is_dir():
        raise InputError.single(str(path), tr(lang, "err.not_found"), tr(lang, "hint.not_found"))

    def run(*args: str, cwd: Path) -> bytes:
        done = subprocess.run([git, *args], cwd=cwd, capture_output=True, check=False)
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InputError.single(
                f"--git {rev}",
                tr(lang, "diff.err.git", reason=reason[-1] if reason else done.returncode),
                tr(lang, "diff.hint.git"),
            )
        return done.stdout

    top = Path(run("rev-parse", "--show-toplevel", cwd=where).decode().strip())
    try:
        rel = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise InputError.single(
            str(path), tr(lang, "diff.err.git", reason=str(top)), tr(lang, "diff.hint.git")
        ) from None
    listing = run("ls-tree", "-r", "-z", rev, "--", rel if rel != "." else ".", cwd=top)
    root = dest.resolve()
    written = 0
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, _, name_b = item.partition(b"\t")
        mode, kind, obj = meta.decode().split(" ")
        name = name_b.decode("utf-8", "surrogateescape")
        target = _inside(root, name, rev, lang)  # every entry, also those not copied
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        if not name.endswith((".yaml", ".yml")):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(run("cat-file", "blob", obj, cwd=top))
        written += 1
    if not written:
        raise InputError.single(
            f"--git {rev}",
            tr(lang, "diff.err.git_empty", path=rel, rev=rev),
            tr(lang, "diff.hint.git"),
        )
    return dest / rel if rel != "." else dest


def _inside(root: Path, name: str, rev: str, lang: Lang) -> Path:
    """Where the tree entry ``name`` goes under ``root``; refused (exit 2) when a component
    is empty, ``.``, ``..`` or holds a backslash or NUL (a hostile tree can hold such names,
    a checkout cannot), or when the path would end up outside ``root`` anyway."""
    parts = name.split("/")
    bad = any(p in ("", ".", "..") or "\\" in p or "\0" in p for p in parts)
    target = root.joinpath(*parts)
    if not bad:
        resolved = target.resolve()
        bad = resolved == root or not resolved.is_relative_to(root)
    if bad:
        raise InputError.single(
            f"--git {rev}",
            tr(lang, "diff.err.git_path", path=shown(name, 120)),
            tr(lang, "diff.hint.git_path"),
        )
    return target


# --- comparing ---------------------------------------------------------------------------
def compare(old: Library, new: Library, lang: Lang, as_of: dt.date | None = None) -> list[Change]:
    """The semantic changes from ``old`` to ``new``: at ``as_of`` the books in force that day;
    without it, every version both sides have, each with all of its overlays."""
    out: list[Change] = []
    pairs: list[tuple[str, RuleBook, RuleBook]] = []
    if as_of is not None:
        a, b = old.at(as_of, lang), new.at(as_of, lang)
        if a.version != b.version:
            out.append(
                Change(
                    "version",
                    "editorial",
                    False,
                    a.version,
                    b.version,
                    tr(lang, "diff.version.changed", as_of=as_of.isoformat()),
                )
            )
        pairs.append(("", a, b))
    else:
        pairs = _version_pairs(old, new, lang, out)
    for prefix, a, b in pairs:
        _Compare(a, b, lang, prefix, out, meta=as_of is None).run()
    last_a, last_b = pairs[-1][1], pairs[-1][2]
    _Compare(last_a, last_b, lang, "", out).profiles(old.profiles(), new.profiles())
    _overlays(old, new, lang, out)
    return out


def _version_pairs(
    old: Library, new: Library, lang: Lang, out: list[Change]
) -> list[tuple[str, RuleBook, RuleBook]]:
    va = {s.set_id: s for s in old.versions()}
    vb = {s.set_id: s for s in new.versions()}
    for name in va:
        if name not in vb:
            out.append(
                Change(
                    f"versions.{name}",
                    "removed",
                    True,
                    name,
                    None,
                    tr(lang, "diff.item.removed", what=tr(lang, "diff.what.version"), name=name),
                )
            )
    for name in vb:
        if name not in va:
            out.append(
                Change(
                    f"versions.{name}",
                    "added",
                    False,
                    None,
                    name,
                    tr(lang, "diff.item.added", what=tr(lang, "diff.what.version"), name=name),
                )
            )
    common = [n for n in vb if n in va]
    oa, ob = old.of_kind("overlay"), new.of_kind("overlay")
    from pzspec.load.catalog import build

    def book(lib: Library, src: SourceFile, overlays: list[SourceFile]) -> RuleBook:
        return build(src, overlays, lib.profiles(), None)

    pairs = [(n, book(old, va[n], oa), book(new, vb[n], ob)) for n in common]
    latest_a, latest_b = old.versions()[-1], new.versions()[-1]
    if latest_a.set_id != latest_b.set_id:  # the newest rules of each side, too
        name = f"{latest_a.set_id}->{latest_b.set_id}"
        pairs.append((name, book(old, latest_a, oa), book(new, latest_b, ob)))
    if len(pairs) == 1:
        return [("", pairs[0][1], pairs[0][2])]
    return [(f"versions.{n}.", a, b) for n, a, b in pairs]


def _overlays(old: Library, new: Library, lang: Lang, out: list[Change]) -> None:
    oa = {s.set_id: s.model for s in old.of_kind("overlay")}
    ob = {s.set_id: s.model for s in new.of_kind("overlay")}
    what = tr(lang, "diff.what.overlay")
    for oid, m in oa.items():
        if oid not in ob:
            expl = tr(lang, "diff.overlay.removed", what=what, name=oid)
            out.append(Change(f"overlays.{oid}", "removed", False, _title(m), None, expl))
    for oid, m in ob.items():
        if oid not in oa:
            expl = tr(lang, "diff.overlay.added", what=what, name=oid)
            out.append(Change(f"overlays.{oid}", "added", False, None, _title(m), expl))
    for oid, m in ob.items():
        before = oa.get(oid)
        if before is None:
            continue
        for name in ("valid_from", "valid_until"):
            x, y = getattr(before, name), getattr(m, name)
            if x != y:
                expl = tr(lang, "diff.validity", field=name)
                out.append(
                    Change(f"overlays.{oid}.{name}", "editorial", False, _plain(x), _plain(y), expl)
                )
        for name in ("title", "publisher", "source"):
            x, y = getattr(before, name), getattr(m, name)
            if x != y:
                expl = tr(lang, "diff.text", field=name)
                out.append(Change(f"overlays.{oid}.{name}", "editorial", False, x, y, expl))


def _title(model: RuleSet | Overlay | Profile) -> str:
    return model.title


def _plain(value: Any) -> Any:
    """A value as JSON can carry it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, LText):
        return value.model_dump(exclude_none=True)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_none=True, by_alias=True)
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _same(a: Any, b: Any) -> bool:
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def _sign(a: Any, b: Any) -> int | None:
    """+1 when ``b`` is more than ``a`` (later for dates), -1 when less, 0 when equal, None
    when the two cannot be ordered."""
    if _same(a, b):
        return 0
    if isinstance(a, bool) or isinstance(b, bool):
        return None
    if isinstance(a, int | float) and isinstance(b, int | float):
        return 1 if b > a else -1
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return 1 if b > a else -1
    return None


def _set_sign(a: Iterable[Any], b: Iterable[Any]) -> int | None:
    """+1 when ``b`` holds more than ``a`` (a strict superset), -1 when less, 0 when equal."""
    x, y = set(a), set(b)
    if x == y:
        return 0
    if y > x:
        return 1
    if y < x:
        return -1
    return None


def _direction(change: int | None, uses: set[int]) -> int | None:
    """Combine the direction of a change with how a value is used: +1 stricter, -1 more
    lenient, 0 no effect (nothing uses it), None unknown."""
    if not uses:
        return 0
    if change == 0:
        return 0
    if change is None or len(uses) != 1 or 0 in uses:
        return None
    return change * next(iter(uses))


Uses = dict[str, set[int]]


def uses_of(book: RuleBook) -> tuple[Uses, Uses]:
    """How the book uses each parameter and each education field.

    For a parameter, +1 means a higher (later) value is stricter and -1 that it is more
    lenient; for a field (of a catalogue course), +1 means a higher value or a longer list
    makes a course count less; 0 means direction unknown (``equals``, ``in``). Conditions
    in exclusions and in the ``if`` of a ``when`` count the other way round.
    """
    params: Uses = defaultdict(set)
    fields: Uses = defaultdict(set)

    def cond(c: Condition, pol: int) -> None:
        if isinstance(c, MinCond):
            if c.param:
                params[c.param].add(pol)
            fields[c.field].add(-pol)
        elif isinstance(c, BelowCond):
            if c.param:
                params[c.param].add(-pol)
            fields[c.field].add(pol)
        elif isinstance(c, BeforeCond):
            params[c.param].add(-pol)
            fields[c.field].add(pol)
        elif isinstance(c, IncludesCond):
            fields[c.field].add(-pol)
        elif isinstance(c, EqualsCond | InCond):
            fields[c.field].add(0)
        elif isinstance(c, ExperienceMonths):
            params[c.min].add(pol)
            if c.window:
                params[c.window].add(-pol)
        elif isinstance(c, EducationInProgress):
            params[c.by].add(-pol)
        elif isinstance(c, AllOf | AnyOf):
            for x in c.conditions:
                cond(x, pol)
        elif isinstance(c, When):
            cond(c.if_, -pol)
            cond(c.then, pol)

    rules = book.rules
    for reg in rules.registrations:
        for c in reg.conditions:
            cond(c, 1)
    for ex in rules.exclusions:
        for c in ex.conditions:
            cond(c, -1)
    routes = list(rules.defaults.transition.routes)
    experiences = [rules.defaults.experience]
    transitions = [rules.defaults.transition]
    practices = [rules.defaults.practice]
    for pid, pr in rules.profiles.items():
        routes += pr.education.routes
        if pr.transition:
            routes += pr.transition.routes
            transitions.append(pr.transition)
        experiences.append(book.experience(pid))
        practices.append(book.practice(pid))
    for route in routes:
        for c in route.conditions:
            cond(c, 1)
    for e in experiences:
        params[e.min_months].add(1)
        params[e.window_months].add(-1)
        params[e.patient_share].add(1)
        params[e.fte_share].add(1)
    for t in transitions:
        params[t.open_until].add(-1)
    for p in practices:
        if p.min_kinds:
            params[p.min_kinds].add(1)
            params[p.window_months].add(-1)
    return params, fields


def _key(c: Condition) -> tuple[str, ...]:
    if isinstance(c, When):
        return ("when", *_key(c.if_))
    f = getattr(c, "field", None)
    return (c.type, f) if isinstance(f, str) else (c.type,)


def _segment(c: Condition) -> str:
    f = getattr(c, "field", None)
    return f"{c.type}:{f}" if isinstance(f, str) else c.type


def _segments(conds: list[Condition]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for c in conds:
        s = _segment(c)
        seen[s] += 1
        out.append(s if seen[s] == 1 else f"{s}#{seen[s]}")
    return out


class _Compare:
    """Compare two rule books; changes are appended to ``out``."""

    def __init__(
        self,
        a: RuleBook,
        b: RuleBook,
        lang: Lang,
        prefix: str,
        out: list[Change],
        *,
        meta: bool = False,
    ) -> None:
        self.a, self.b, self.lang, self.prefix, self.out, self.meta = a, b, lang, prefix, out, meta
        pa, fa = uses_of(a)
        pb, fb = uses_of(b)
        self.param_uses = {k: pa.get(k, set()) | pb.get(k, set()) for k in set(pa) | set(pb)}
        self.field_uses = {k: fa.get(k, set()) | fb.get(k, set()) for k in set(fa) | set(fb)}
        # courses added to or withdrawn from the catalogue: reported once, as a course
        self.catalogue = set(a.courses) ^ set(b.courses)

    # --- helpers ---------------------------------------------------------------------
    def t(self, key: str, **kw: Any) -> str:
        return tr(self.lang, key, **kw)

    def add(
        self,
        path: str,
        kind: Kind,
        old: Any,
        new: Any,
        explanation: str,
        breaking: bool | None = None,
    ) -> None:
        if breaking is None:
            breaking = kind == "tightened"
        self.out.append(
            Change(self.prefix + path, kind, breaking, _plain(old), _plain(new), explanation)
        )

    def directed(
        self, path: str, tight: int | None, old: Any, new: Any, text: str, *, unused: bool = False
    ) -> None:
        """A change that is stricter (+1), more lenient (-1), without effect (0) or of unknown
        direction (None, counted as stricter)."""
        if tight == 0:
            effect = self.t("diff.effect.unused" if unused else "diff.effect.text")
            self.add(path, "editorial", old, new, f"{text}; {effect}")
        elif tight is None:
            self.add(path, "tightened", old, new, f"{text}; {self.t('diff.effect.unknown')}")
        elif tight > 0:
            self.add(path, "tightened", old, new, f"{text}; {self.t('diff.effect.tightened')}")
        else:
            self.add(path, "loosened", old, new, f"{text}; {self.t('diff.effect.loosened')}")

    def text(self, path: str, old: Any, new: Any, name: str) -> None:
        if _same(old, new):
            return
        if isinstance(old, LText) and isinstance(new, LText):
            lang: Lang = "nl" if old.nl != new.nl else "en"
            old, new = (old.nl, new.nl) if lang == "nl" else (old.en, new.en)
        elif isinstance(old, LText | None) and isinstance(new, LText | None):
            old = old.get(self.lang) if old else None
            new = new.get(self.lang) if new else None
        self.add(path, "editorial", old, new, self.t("diff.text", field=name))

    def texts(self, path: str, a: BaseModel, b: BaseModel, names: Iterable[str]) -> None:
        for name in names:
            self.text(f"{path}.{name}", getattr(a, name), getattr(b, name), name)

    def value(self, book: RuleBook, pid: str | None, inline: Any = None) -> Any:
        if pid is None:
            return inline
        p = book.params.get(pid)
        return p.value if p else None

    def unit(self, unit: str | None) -> str:
        """`` maanden`` / `` months``: a parameter's unit in words (none for shares)."""
        if not unit or unit == "aandeel":
            return ""
        key = f"doc.unit.{unit}"
        word = self.t(key)
        return f" {unit if word == key else word}"

    def show(self, value: Any) -> str:
        if isinstance(value, float) and 0 <= value <= 1:
            return f"{value:.0%}"
        if isinstance(value, list | set | tuple):
            return ", ".join(str(v) for v in value) or "-"
        if value is None:
            return "-"
        return str(_plain(value))

    def by_id(
        self,
        path: str,
        a: dict[str, Any],
        b: dict[str, Any],
        what: str,
        name: Any,
        *,
        breaking_removed: bool = False,
    ) -> list[str]:
        """Report ids only on one side as removed/added; return the ids on both sides."""
        for key, item in a.items():
            if key not in b:
                label = name(item)
                self.add(
                    f"{path}.{key}",
                    "removed",
                    label,
                    None,
                    self.t("diff.item.removed", what=self.t(what), name=label)
                    + (f"; {self.t('diff.item.breaks')}" if breaking_removed else ""),
                    breaking=breaking_removed,
                )
        for key, item in b.items():
            if key not in a:
                label = name(item)
                self.add(
                    f"{path}.{key}",
                    "added",
                    None,
                    label,
                    self.t("diff.item.added", what=self.t(what), name=label),
                    breaking=False,
                )
        return [k for k in b if k in a]

    # --- the book ----------------------------------------------------------------------
    def run(self) -> None:
        ra, rb = self.a.rules, self.b.rules
        if self.meta:
            for name in ("title", "publisher", "source"):
                self.text(name, getattr(ra, name), getattr(rb, name), name)
            for name in ("valid_from", "valid_until"):
                x, y = getattr(ra, name), getattr(rb, name)
                if x != y:
                    self.add(name, "editorial", x, y, self.t("diff.validity", field=name))
        self.parameters()
        self.professions()
        self.registrations()
        self.named("domains", ra.domains, rb.domains, "diff.what.domain", breaking=False)
        self.named("course_kinds", ra.course_kinds, rb.course_kinds, "diff.what.course_kind")
        self.named(
            "activity_kinds", ra.activity_kinds, rb.activity_kinds, "diff.what.activity_kind"
        )
        self.announced()
        self.courses()
        self.exclusions()
        da, db = ra.defaults, rb.defaults
        self.experience("defaults.experience", da.experience, db.experience)
        self.transition("defaults.transition", da.transition, db.transition)
        self.practice("defaults.practice", da.practice, db.practice)
        self.profile_rules()

    def parameters(self) -> None:
        pa = {p.id: p for p in self.a.rules.parameters}
        pb = {p.id: p for p in self.b.rules.parameters}
        for pid, p in pa.items():
            if pid not in pb:
                what = p.description.get(self.lang)
                self.add(
                    f"parameters.{pid}",
                    "removed",
                    p.value,
                    None,
                    self.t("diff.param.removed", what=what),
                    breaking=False,
                )
        for pid, p in pb.items():
            if pid not in pa:
                what = p.description.get(self.lang)
                self.add(
                    f"parameters.{pid}",
                    "added",
                    None,
                    p.value,
                    self.t("diff.param.added", what=what),
                    breaking=False,
                )
                continue
            old = pa[pid]
            path = f"parameters.{pid}"
            if not _same(old.value, p.value):
                uses = self.param_uses.get(pid, set())
                text = self.t(
                    "diff.param.value",
                    what=p.description.get(self.lang),
                    old=self.show(old.value) + self.unit(old.unit),
                    new=self.show(p.value) + self.unit(p.unit),
                )
                if old.basis != p.basis:
                    text += " (" + self.t("diff.param.basis", old=old.basis, new=p.basis) + ")"
                if isinstance(old.value, list) and isinstance(p.value, list):
                    change = _set_sign(old.value, p.value)
                else:
                    change = _sign(old.value, p.value)
                tight = _direction(change, uses)
                self.directed(path, tight, old.value, p.value, text, unused=not uses)
                continue
            for name in ("basis", "unit", "source", "description"):
                self.text(f"{path}.{name}", getattr(old, name), getattr(p, name), name)

    def slot(self, path: str, id_a: str, id_b: str, up: int, what: str) -> None:
        """A rule slot (e.g. experience ``min_months``) that names another parameter: compare
        the values; ``up`` is +1 when a higher value is stricter."""
        if id_a == id_b:
            return
        va, vb = self.value(self.a, id_a), self.value(self.b, id_b)
        change = _sign(va, vb)
        text = self.t(
            "diff.slot",
            what=what,
            old_id=id_a,
            new_id=id_b,
            old=self.show(va),
            new=self.show(vb),
        )
        self.directed(path, None if change is None else change * up, va, vb, text)

    def professions(self) -> None:
        a = {p.id: p for p in self.a.rules.professions}
        b = {p.id: p for p in self.b.rules.professions}
        for pid in self.by_id(
            "professions",
            a,
            b,
            "diff.what.profession",
            lambda p: p.label.get(self.lang),
            breaking_removed=True,
        ):
            x, y = a[pid], b[pid]
            for name in ("profile", "registration"):
                old, new = getattr(x, name), getattr(y, name)
                if old != new:
                    text = self.t(
                        "diff.profession.changed",
                        name=y.label.get(self.lang),
                        field=name,
                        old=old,
                        new=new,
                    )
                    self.directed(f"professions.{pid}.{name}", None, old, new, text)
            self.texts(f"professions.{pid}", x, y, ("label", "source"))

    def registrations(self) -> None:
        a = {r.id: r for r in self.a.rules.registrations}
        b = {r.id: r for r in self.b.rules.registrations}
        for rid in self.by_id(
            "registrations", a, b, "diff.what.registration", lambda r: r.label.get(self.lang)
        ):
            x, y = a[rid], b[rid]
            self.conditions(f"registrations.{rid}.conditions", x.conditions, y.conditions, 1, 1)
            self.texts(f"registrations.{rid}", x, y, ("label", "missing", "source"))

    def named(
        self, path: str, a: list[Any], b: list[Any], what: str, *, breaking: bool = True
    ) -> None:
        ia, ib = {x.id: x for x in a}, {x.id: x for x in b}
        for key in self.by_id(
            path, ia, ib, what, lambda x: x.label.get(self.lang), breaking_removed=breaking
        ):
            self.texts(f"{path}.{key}", ia[key], ib[key], ("label", "description"))

    def announced(self) -> None:
        """Announced profiles have nothing to test against: adding or removing one is news,
        never a tightening."""
        ia = {x.id: x for x in self.a.rules.announced_profiles}
        ib = {x.id: x for x in self.b.rules.announced_profiles}
        path, what = "announced_profiles", "diff.what.announced_profile"
        for key in self.by_id(path, ia, ib, what, lambda x: x.title.get(self.lang)):
            self.texts(f"{path}.{key}", ia[key], ib[key], ("title", "description", "source"))

    def courses(self) -> None:
        a, b = self.a.courses, self.b.courses
        for cid, c in a.items():
            if cid not in b:
                text = self.t("diff.course.removed", name=c.name) + self.routes_with(self.a, cid)
                self.add(f"courses.{cid}", "tightened", c.name, None, text, breaking=True)
        for cid, c in b.items():
            if cid not in a:
                text = self.t("diff.course.added", name=c.name) + self.routes_with(self.b, cid)
                self.add(f"courses.{cid}", "loosened", None, c.name, text, breaking=False)
        for cid, y in b.items():
            x = a.get(cid)
            if x is None:
                continue
            for name in ("days", "nlqf", "epas", "institutions", "providers", "kind"):
                old, new = getattr(x, name), getattr(y, name)
                if _same(old, new):
                    continue
                uses = self.field_uses.get(name, set())
                if isinstance(old, list) and isinstance(new, list):
                    change = _set_sign(old, new)
                else:
                    change = _sign(old, new)
                text = self.t(
                    "diff.course.field",
                    name=y.name,
                    field=name,
                    old=self.show(old),
                    new=self.show(new),
                )
                self.directed(f"courses.{cid}.{name}", _direction(change, uses), old, new, text)
            self.texts(f"courses.{cid}", x, y, ("name", "description", "source"))

    def routes_with(self, book: RuleBook, cid: str) -> str:
        found = [
            f"{pid}/{r.id}"
            for pid, pr in book.rules.profiles.items()
            for r in pr.education.routes
            if r.entry and cid in r.entry.courses
        ]
        return f" ({self.t('diff.course.routes', routes=', '.join(found))})" if found else ""

    def exclusions(self) -> None:
        a = {e.id: e for e in self.a.rules.exclusions}
        b = {e.id: e for e in self.b.rules.exclusions}
        for eid, e in a.items():
            if eid not in b:
                reason = e.reason.get(self.lang)
                text = f"{self.t('diff.exclusion.removed', reason=reason)}; "
                self.add(
                    f"exclusions.{eid}",
                    "loosened",
                    reason,
                    None,
                    text + self.t("diff.effect.loosened"),
                )
        for eid, e in b.items():
            if eid not in a:
                reason = e.reason.get(self.lang)
                text = f"{self.t('diff.exclusion.added', reason=reason)}; "
                self.add(
                    f"exclusions.{eid}",
                    "tightened",
                    None,
                    reason,
                    text + self.t("diff.effect.tightened"),
                )
        for eid, y in b.items():
            x = a.get(eid)
            if x is None:
                continue
            path = f"exclusions.{eid}"
            for name in ("courses", "kinds"):
                skip = self.catalogue if name == "courses" else set()
                old = [v for v in getattr(x, name) if v not in skip]
                new = [v for v in getattr(y, name) if v not in skip]
                more = [v for v in new if v not in old]
                fewer = [v for v in old if v not in new]
                if more:
                    text = self.t("diff.exclusion.more", items=", ".join(more))
                    self.directed(f"{path}.{name}", 1, old, new, text)
                if fewer:
                    text = self.t("diff.exclusion.fewer", items=", ".join(fewer))
                    self.directed(f"{path}.{name}", -1, old, new, text)
            self.conditions(f"{path}.conditions", x.conditions, y.conditions, -1, 1)
            self.texts(path, x, y, ("reason", "source"))

    # --- rules per requirement ---------------------------------------------------------
    def experience(self, path: str, a: ExperienceRule, b: ExperienceRule) -> None:
        for name, up in (("min_months", 1), ("window_months", -1)):
            self.slot(f"{path}.{name}", getattr(a, name), getattr(b, name), up, name)
        for name in ("patient_share", "fte_share"):
            self.slot(f"{path}.{name}", getattr(a, name), getattr(b, name), 1, name)
        self.text(f"{path}.source", a.source, b.source, "source")

    def transition(self, path: str, a: TransitionRule, b: TransitionRule) -> None:
        self.slot(f"{path}.open_until", a.open_until, b.open_until, -1, "open_until")
        self.routes(f"{path}.routes", a.routes, b.routes)
        self.text(f"{path}.source", a.source, b.source, "source")

    def practice(self, path: str, a: PracticeRule, b: PracticeRule) -> None:
        if a.min_kinds is None and b.min_kinds is not None:
            value = self.value(self.b, b.min_kinds)
            text = self.t("diff.practice.condition", value=self.show(value))
            self.add(f"{path}.min_kinds", "tightened", None, value, text)
        elif a.min_kinds is not None and b.min_kinds is None:
            value = self.value(self.a, a.min_kinds)
            self.add(f"{path}.min_kinds", "loosened", value, None, self.t("diff.practice.info"))
        elif a.min_kinds is not None and b.min_kinds is not None:
            self.slot(f"{path}.min_kinds", a.min_kinds, b.min_kinds, 1, "min_kinds")
        if b.min_kinds is not None:
            self.slot(
                f"{path}.window_months", a.window_months, b.window_months, -1, "window_months"
            )
        self.text(f"{path}.source", a.source, b.source, "source")

    def profile_rules(self) -> None:
        pa, pb = self.a.rules.profiles, self.b.rules.profiles
        for pid in pb:
            if pid not in pa:
                continue
            x, y = pa[pid], pb[pid]
            path = f"profiles.{pid}"
            self.routes(f"{path}.education.routes", x.education.routes, y.education.routes)
            self.text(
                f"{path}.education.undetermined",
                x.education.undetermined,
                y.education.undetermined,
                "undetermined",
            )
            self.text(f"{path}.education.source", x.education.source, y.education.source, "source")
            if x.experience or y.experience:
                self.experience(
                    f"{path}.experience", self.a.experience(pid), self.b.experience(pid)
                )
            if x.transition or y.transition:
                self.transition(
                    f"{path}.transition", self.a.transition(pid), self.b.transition(pid)
                )
            if x.practice or y.practice:
                self.practice(f"{path}.practice", self.a.practice(pid), self.b.practice(pid))

    # --- routes and conditions ---------------------------------------------------------
    def routes(self, path: str, a: list[Route], b: list[Route]) -> None:
        ia, ib = {r.id: r for r in a}, {r.id: r for r in b}
        for rid, r in ia.items():
            if rid not in ib:
                label = r.label.get(self.lang)
                self.directed(
                    f"{path}.{rid}", 1, label, None, self.t("diff.route.removed", label=label)
                )
        for rid, r in ib.items():
            if rid not in ia:
                label = r.label.get(self.lang)
                self.directed(
                    f"{path}.{rid}", -1, None, label, self.t("diff.route.added", label=label)
                )
        for rid, y in ib.items():
            if rid in ia:
                self.route(f"{path}.{rid}", ia[rid], y)

    def route(self, path: str, a: Route, b: Route) -> None:
        label = b.label.get(self.lang)
        if a.outcome != b.outcome:
            text = self.t(
                "diff.route.outcome",
                label=label,
                old=self.t(f"status.{a.outcome}"),
                new=self.t(f"status.{b.outcome}"),
            )
            self.directed(
                f"{path}.outcome", 1 if b.outcome == "review" else -1, a.outcome, b.outcome, text
            )
        if a.professions != b.professions:
            if b.professions is None:
                tight: int | None = -1
            elif a.professions is None:
                tight = 1
            else:
                change = _set_sign(a.professions, b.professions)
                tight = None if change is None else -change
            text = self.t(
                "diff.route.professions",
                label=label,
                old=self.show(a.professions) if a.professions is not None else "*",
                new=self.show(b.professions) if b.professions is not None else "*",
            )
            self.directed(f"{path}.professions", tight, a.professions, b.professions, text)
        if (a.entry is None) != (b.entry is None):
            text = self.t("diff.route.entry_changed", label=label)
            self.directed(f"{path}.entry", None, a.entry, b.entry, text)
        elif a.entry is not None and b.entry is not None:
            for name in ("courses", "kinds"):
                skip = self.catalogue if name == "courses" else set()
                old = [v for v in getattr(a.entry, name) if v not in skip]
                new = [v for v in getattr(b.entry, name) if v not in skip]
                gone = [v for v in old if v not in new]
                more = [v for v in new if v not in old]
                where = f"{path}.entry.{name}"
                if gone:
                    text = self.t("diff.route.entry_removed", label=label, items=", ".join(gone))
                    self.directed(where, 1, old, new, text)
                if more:
                    text = self.t("diff.route.entry_added", label=label, items=", ".join(more))
                    self.directed(where, -1, old, new, text)
        self.conditions(f"{path}.conditions", a.conditions, b.conditions, 1, 1)
        if a.forms != b.forms:
            self.text(f"{path}.forms", ", ".join(a.forms), ", ".join(b.forms), "forms")
        if (a.provisional is None) != (b.provisional is None):
            text = self.t("diff.route.provisional", label=label)
            self.add(f"{path}.provisional", "editorial", a.provisional, b.provisional, text)
        self.texts(path, a, b, ("label", "missing", "source"))

    def conditions(
        self, path: str, a: list[Condition], b: list[Condition], pol: int, conj: int
    ) -> None:
        """Compare two lists of conditions. ``pol`` is -1 where a condition that holds makes
        things worse (exclusions, the ``if`` of a ``when``); ``conj`` is +1 when all must
        hold (adding one is stricter) and -1 when any may (adding one is more lenient)."""
        seg_a, seg_b = _segments(a), _segments(b)
        taken: set[int] = set()
        pairs: list[tuple[int, int]] = []
        removed: list[int] = []
        for i, c in enumerate(a):
            j = next((j for j, d in enumerate(b) if j not in taken and _key(d) == _key(c)), None)
            if j is None:
                removed.append(i)
            else:
                taken.add(j)
                pairs.append((i, j))
        for i in removed:
            desc = describe(a[i], self.a, self.lang)
            key = "diff.cond.removed" if conj > 0 else "diff.cond.alt_removed"
            self.directed(f"{path}.{seg_a[i]}", -conj * pol, desc, None, self.t(key, cond=desc))
        for i, j in pairs:
            self.condition(f"{path}.{seg_b[j]}", a[i], b[j], pol)
        for j, d in enumerate(b):
            if j in taken:
                continue
            desc = describe(d, self.b, self.lang)
            key = "diff.cond.added" if conj > 0 else "diff.cond.alt_added"
            self.directed(f"{path}.{seg_b[j]}", conj * pol, None, desc, self.t(key, cond=desc))

    def condition(self, path: str, a: Condition, b: Condition, pol: int) -> None:
        if a == b:
            return
        for name in ("on_fail", "on_missing"):
            x, y = getattr(a, name), getattr(b, name)
            if x != y:
                text = self.t(
                    f"diff.cond.{name}",
                    old=self.t(f"status.{x}"),
                    new=self.t(f"status.{y}"),
                )
                self.directed(f"{path}.{name}", (1 if y == "unmet" else -1) * pol, x, y, text)
        if a.label != b.label:
            self.text(f"{path}.label", a.label, b.label, "label")

        def changed(tight: int | None, old: Any, new: Any) -> None:
            text = self.t(
                "diff.cond.changed",
                old=describe(a, self.a, self.lang),
                new=describe(b, self.b, self.lang),
            )
            self.directed(path, tight, old, new, text)

        if isinstance(a, MinCond | BelowCond) and isinstance(b, MinCond | BelowCond):
            if a.param != b.param or not _same(a.value, b.value):
                va, vb = self.value(self.a, a.param, a.value), self.value(self.b, b.param, b.value)
                change = _sign(va, vb)
                up = 1 if isinstance(b, MinCond) else -1
                if change != 0:
                    changed(None if change is None else change * up * pol, va, vb)
            if isinstance(a, MinCond) and isinstance(b, MinCond) and a.fallback != b.fallback:
                changed((1 if b.fallback is None else -1) * pol, a.fallback, b.fallback)
        elif isinstance(a, BeforeCond) and isinstance(b, BeforeCond):
            if a.param != b.param:
                va, vb = self.value(self.a, a.param), self.value(self.b, b.param)
                change = _sign(va, vb)
                if change != 0:
                    changed(None if change is None else -change * pol, va, vb)
        elif isinstance(a, IncludesCond) and isinstance(b, IncludesCond):
            change = _set_sign(a.values, b.values)
            if change != 0:
                changed(None if change is None else change * pol, a.values, b.values)
        elif isinstance(a, InCond) and isinstance(b, InCond):
            change = _set_sign(a.values, b.values)
            if change != 0:
                changed(None if change is None else -change * pol, a.values, b.values)
        elif isinstance(a, EqualsCond) and isinstance(b, EqualsCond):
            if not _same(a.value, b.value):
                changed(None, a.value, b.value)
        elif isinstance(a, ExperienceMonths) and isinstance(b, ExperienceMonths):
            if a.min != b.min:
                va, vb = self.value(self.a, a.min), self.value(self.b, b.min)
                change = _sign(va, vb)
                if change != 0:
                    changed(None if change is None else change * pol, va, vb)
            if a.window != b.window:
                if a.window is None or b.window is None:
                    changed((1 if b.window else -1) * pol, a.window, b.window)
                else:
                    va, vb = self.value(self.a, a.window), self.value(self.b, b.window)
                    change = _sign(va, vb)
                    if change != 0:
                        changed(None if change is None else -change * pol, va, vb)
        elif isinstance(a, EducationInProgress) and isinstance(b, EducationInProgress):
            if a.by != b.by:
                va, vb = self.value(self.a, a.by), self.value(self.b, b.by)
                change = _sign(va, vb)
                if change != 0:
                    changed(None if change is None else -change * pol, va, vb)
        elif isinstance(a, AllOf) and isinstance(b, AllOf):
            self.conditions(f"{path}.conditions", a.conditions, b.conditions, pol, 1)
        elif isinstance(a, AnyOf) and isinstance(b, AnyOf):
            self.conditions(f"{path}.conditions", a.conditions, b.conditions, pol, -1)
        elif isinstance(a, When) and isinstance(b, When):
            self.conditions(f"{path}.if", [a.if_], [b.if_], -pol, 1)
            self.conditions(f"{path}.then", [a.then], [b.then], pol, 1)

    # --- profile files -----------------------------------------------------------------
    def profiles(self, a: dict[str, Profile], b: dict[str, Profile]) -> None:
        ids_a = dict.fromkeys(list(a) + list(self.a.rules.profiles))
        ids_b = dict.fromkeys(list(b) + list(self.b.rules.profiles))

        def title(pid: str, src: dict[str, Profile]) -> str:
            return src[pid].title if pid in src else pid

        for pid in ids_a:
            if pid not in ids_b:
                name = title(pid, a)
                text = self.t("diff.item.removed", what=self.t("diff.what.profile"), name=name)
                self.add(f"profiles.{pid}", "removed", name, None, text, breaking=True)
        for pid in ids_b:
            if pid not in ids_a:
                name = title(pid, b)
                text = self.t("diff.item.added", what=self.t("diff.what.profile"), name=name)
                self.add(f"profiles.{pid}", "added", None, name, text, breaking=False)
        for pid, y in b.items():
            x = a.get(pid)
            if x is not None:
                self.profile(pid, x, y)

    def profile(self, pid: str, a: Profile, b: Profile) -> None:
        path = f"profiles.{pid}"
        change = _set_sign(a.professions, b.professions)
        if change != 0:
            text = self.t(
                "diff.profile.professions",
                name=b.title,
                old=self.show(a.professions),
                new=self.show(b.professions),
            )
            self.directed(
                f"{path}.professions",
                None if change is None else -change,
                a.professions,
                b.professions,
                text,
            )
        self.texts(path, a, b, ("title", "title_en", "source", "version"))
        for name, ta, tb in (
            ("leadership", a.leadership, b.leadership),
            ("register", a.register_, b.register_),
        ):
            if ta != tb:
                self.add(
                    f"{path}.{name}", "editorial", ta.text, tb.text, self.t("diff.text", field=name)
                )
        if a.notes != b.notes:
            old = [n.text for n in a.notes]
            new = [n.text for n in b.notes]
            self.add(f"{path}.notes", "editorial", old, new, self.t("diff.text", field="notes"))
        if (a.levels, a.route_levels) != (b.levels, b.route_levels):
            # explanation only: no condition reads a training level
            old = [x.id for x in a.levels] + [f"{x.route}: {x.level}" for x in a.route_levels]
            new = [x.id for x in b.levels] + [f"{x.route}: {x.level}" for x in b.route_levels]
            self.add(f"{path}.levels", "editorial", old, new, self.t("diff.text", field="levels"))
        da, db = {d.id: d for d in a.domains}, {d.id: d for d in b.domains}
        for did in self.by_id(f"{path}.domains", da, db, "diff.what.domain", lambda d: d.title):
            x, y = da[did], db[did]
            self.text(f"{path}.domains.{did}.title", x.title, y.title, "title")
            ca, cb = {c.id: c for c in x.competencies}, {c.id: c for c in y.competencies}
            where = f"{path}.domains.{did}.competencies"
            for cid in self.by_id(where, ca, cb, "diff.what.competency", lambda c: c.text):
                self.texts(f"{where}.{cid}", ca[cid], cb[cid], ("text", "source", "note"))
        condition = pid in self.b.rules.profiles and self.b.practice(pid).min_kinds is not None
        aa, ab = {x.id: x for x in a.activities}, {x.id: x for x in b.activities}
        where = f"{path}.activities"
        for aid in self.by_id(
            where, aa, ab, "diff.what.activity", lambda x: x.text, breaking_removed=condition
        ):
            act_a, act_b = aa[aid], ab[aid]
            change = _set_sign(act_a.kinds, act_b.kinds)
            if change != 0:
                text = self.t(
                    "diff.activity.kinds",
                    id=aid,
                    old=self.show(act_a.kinds),
                    new=self.show(act_b.kinds),
                )
                if not condition:
                    text += f"; {self.t('diff.activity.info_only')}"
                    self.add(f"{where}.{aid}.kinds", "editorial", act_a.kinds, act_b.kinds, text)
                else:
                    tight = None if change is None else -change
                    self.directed(f"{where}.{aid}.kinds", tight, act_a.kinds, act_b.kinds, text)
            self.texts(f"{where}.{aid}", act_a, act_b, ("text", "source", "note"))


# --- replay ------------------------------------------------------------------------------
def _first_difference(a: CheckResult, b: CheckResult) -> tuple[str, str, str] | None:
    statuses = {r.id: r for r in a.requirements}
    for req in b.requirements:
        old = statuses.get(req.id)
        if old is not None and old.status != req.status:
            return req.id, old.status, req.status
    return None


def latest(lib: Library) -> RuleBook:
    """The newest version with every overlay that extends it: the rules as they stand."""
    from pzspec.load.catalog import build

    return build(lib.versions()[-1], lib.of_kind("overlay"), lib.profiles(), None)


def replay(
    book_a: RuleBook,
    book_b: RuleBook,
    files: list[Path],
    as_of: dt.date,
    lang: Lang,
) -> tuple[list[Impact], list[Problem]]:
    """Check each portfolio under both books; the ones whose verdict differs, and the
    problems of portfolios that neither book can check."""
    impacts: list[Impact] = []
    problems: list[Problem] = []
    for path in files:
        x = check_file(path, book_a, as_of, lang)
        y = check_file(path, book_b, as_of, lang)
        if x.result is None and y.result is None:
            problems += x.problems
            continue
        before = x.result.verdict if x.result else ERROR
        after = y.result.verdict if y.result else ERROR
        if before == after:
            continue
        if x.result is None or y.result is None:
            failed = x if x.result is None else y
            first = failed.problems[0] if failed.problems else None
            reason = ERROR
            if first is not None:
                reason = one_line(word(first.message, lang))
                if first.line is not None:
                    reason = tr(lang, "diff.reason.error", line=first.line, message=reason)
            impacts.append(Impact(str(path), before, after, reason))
            continue
        found = _first_difference(x.result, y.result)
        if found is None:  # pragma: no cover - a verdict follows from the statuses
            impacts.append(Impact(str(path), before, after, ""))
            continue
        rid, s_old, s_new = found
        explanation = word(y.result.requirement(rid).explanation, lang)
        reason = tr(
            lang,
            "diff.reason",
            requirement=tr(lang, f"req.{rid}"),
            old=tr(lang, f"status.{s_old}"),
            new=tr(lang, f"status.{s_new}"),
            explanation=explanation,
        )
        impacts.append(Impact(str(path), before, after, reason, rid))
    return impacts, problems


def run(
    old: Library,
    new: Library,
    lang: Lang,
    *,
    old_label: str,
    new_label: str,
    as_of: dt.date | None = None,
    portfolios: list[Path] | None = None,
    replay_day: dt.date | None = None,
) -> Report:
    """The whole diff: the changes and, with ``portfolios``, a replay.

    With ``as_of``: the rules in force that day on each side, and the portfolios checked on
    that day. Without: every version both sides have, each with all of its overlays, and the
    portfolios checked on ``replay_day`` (default today) under the newest version with all
    of its overlays, so decisions that start later already count.
    """
    from pzspec.load.walk import walk

    report = Report(old_label, new_label, compare(old, new, lang, as_of))
    if portfolios:
        listed = walk(portfolios, lang, keep=False)
        files = listed.files
        if as_of is not None:
            day = as_of
            books = old.at(as_of, lang), new.at(as_of, lang)
        else:
            day = replay_day or dt.date.today()
            books = latest(old), latest(new)
        report.impact, problems = replay(*books, files, day, lang)
        report.problems = listed.problems + problems  # an unusable entry is never skipped
        report.replayed = len(files)
        report.as_of = day.isoformat()
    elif as_of is not None:
        report.as_of = as_of.isoformat()
    return report
