"""Comparing profile files: profiles added or removed, their professions, texts, domains,
competencies and practice activities."""

from __future__ import annotations

from pzspec.diff.base import Comparer
from pzspec.diff.values import set_sign
from pzspec.messages import msg
from pzspec.models.rules import Profile


def profiles(c: Comparer, a: dict[str, Profile], b: dict[str, Profile]) -> None:
    ids_a = dict.fromkeys(list(a) + list(c.a.rules.profiles))
    ids_b = dict.fromkeys(list(b) + list(c.b.rules.profiles))

    def title(pid: str, src: dict[str, Profile]) -> str:
        return src[pid].title if pid in src else pid

    what = msg("diff.what.profile")
    for pid in ids_a:
        if pid not in ids_b:
            name = title(pid, a)
            text = msg("diff.item.removed", what=what, name=name)
            c.add(f"profiles.{pid}", "removed", name, None, text, breaking=True)
    for pid in ids_b:
        if pid not in ids_a:
            name = title(pid, b)
            text = msg("diff.item.added", what=what, name=name)
            c.add(f"profiles.{pid}", "added", None, name, text, breaking=False)
    for pid, y in b.items():
        x = a.get(pid)
        if x is not None:
            profile(c, pid, x, y)


def profile(c: Comparer, pid: str, a: Profile, b: Profile) -> None:
    path = f"profiles.{pid}"
    change = set_sign(a.professions, b.professions)
    if change != 0:
        text = msg(
            "diff.profile.professions",
            name=b.title,
            old=a.professions,
            new=b.professions,
        )
        tight = None if change is None else -change
        c.directed(f"{path}.professions", tight, a.professions, b.professions, text)
    c.texts(path, a, b, ("title", "title_en", "source", "version"))
    _texts(c, path, a, b)
    _domains(c, path, a, b)
    _activities(c, pid, a, b)


def _texts(c: Comparer, path: str, a: Profile, b: Profile) -> None:
    for name, ta, tb in (
        ("leadership", a.leadership, b.leadership),
        ("register", a.register_, b.register_),
    ):
        if ta != tb:
            c.add(f"{path}.{name}", "editorial", ta.text, tb.text, msg("diff.text", field=name))
    if a.notes != b.notes:
        old = [n.text for n in a.notes]
        new = [n.text for n in b.notes]
        c.add(f"{path}.notes", "editorial", old, new, msg("diff.text", field="notes"))
    if (a.levels, a.route_levels) != (b.levels, b.route_levels):
        # explanation only: no condition reads a training level
        old = [x.id for x in a.levels] + [f"{x.route}: {x.level}" for x in a.route_levels]
        new = [x.id for x in b.levels] + [f"{x.route}: {x.level}" for x in b.route_levels]
        c.add(f"{path}.levels", "editorial", old, new, msg("diff.text", field="levels"))


def _domains(c: Comparer, path: str, a: Profile, b: Profile) -> None:
    da, db = {d.id: d for d in a.domains}, {d.id: d for d in b.domains}
    for did in c.by_id(f"{path}.domains", da, db, "diff.what.domain", lambda d: d.title):
        x, y = da[did], db[did]
        c.text(f"{path}.domains.{did}.title", x.title, y.title, "title")
        ca, cb = {k.id: k for k in x.competencies}, {k.id: k for k in y.competencies}
        where = f"{path}.domains.{did}.competencies"
        for cid in c.by_id(where, ca, cb, "diff.what.competency", lambda k: k.text):
            c.texts(f"{where}.{cid}", ca[cid], cb[cid], ("text", "source", "note"))


def _activities(c: Comparer, pid: str, a: Profile, b: Profile) -> None:
    condition = pid in c.b.rules.profiles and c.b.practice(pid).min_kinds is not None
    aa, ab = {x.id: x for x in a.activities}, {x.id: x for x in b.activities}
    where = f"profiles.{pid}.activities"
    for aid in c.by_id(
        where, aa, ab, "diff.what.activity", lambda x: x.text, breaking_removed=condition
    ):
        act_a, act_b = aa[aid], ab[aid]
        change = set_sign(act_a.kinds, act_b.kinds)
        if change != 0:
            text = msg("diff.activity.kinds", id=aid, old=act_a.kinds, new=act_b.kinds)
            old, new = act_a.kinds, act_b.kinds
            if not condition:
                info = msg("diff.activity.info_only")
                c.add(f"{where}.{aid}.kinds", "editorial", old, new, text, effect=info)
            else:
                tight = None if change is None else -change
                c.directed(f"{where}.{aid}.kinds", tight, old, new, text)
        c.texts(f"{where}.{aid}", act_a, act_b, ("text", "source", "note"))
