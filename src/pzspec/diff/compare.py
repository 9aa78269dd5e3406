"""``compare``: the semantic changes from one Library to another, version by version, with
the profile files and the overlays."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pzspec.diff import compare_book
from pzspec.diff.base import Comparer
from pzspec.diff.compare_profiles import profiles
from pzspec.diff.report import Change
from pzspec.diff.values import plain
from pzspec.load.catalog import Library, RuleBook, SourceFile
from pzspec.messages import msg

if TYPE_CHECKING:
    pass


def compare(old: Library, new: Library, as_of: dt.date | None = None) -> list[Change]:
    """The semantic changes from ``old`` to ``new``: at ``as_of`` the books in force that day;
    without it, every version both sides have, each with all of its overlays."""
    out: list[Change] = []
    pairs: list[tuple[str, RuleBook, RuleBook]] = []
    if as_of is not None:
        a, b = old.at(as_of), new.at(as_of)
        if a.version != b.version:
            text = msg("diff.version.changed", as_of=as_of)
            out.append(Change("version", "editorial", False, a.version, b.version, text))
        pairs.append(("", a, b))
    else:
        pairs = _version_pairs(old, new, out)
    for prefix, a, b in pairs:
        compare_book.run(Comparer(a, b, prefix, out, meta=as_of is None))
    last_a, last_b = pairs[-1][1], pairs[-1][2]
    profiles(Comparer(last_a, last_b, "", out), old.profiles(), new.profiles())
    _overlays(old, new, out)
    return out


def _versions_only_in(old: Library, new: Library, out: list[Change]) -> None:
    va = [s.set_id for s in old.versions()]
    vb = [s.set_id for s in new.versions()]
    what = msg("diff.what.version")
    for name in va:
        if name not in vb:
            text = msg("diff.item.removed", what=what, name=name)
            out.append(Change(f"versions.{name}", "removed", True, name, None, text))
    for name in vb:
        if name not in va:
            text = msg("diff.item.added", what=what, name=name)
            out.append(Change(f"versions.{name}", "added", False, None, name, text))


def _version_pairs(
    old: Library, new: Library, out: list[Change]
) -> list[tuple[str, RuleBook, RuleBook]]:
    _versions_only_in(old, new, out)
    va = {s.set_id: s for s in old.versions()}
    vb = {s.set_id: s for s in new.versions()}
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


def _overlays(old: Library, new: Library, out: list[Change]) -> None:
    oa = {s.set_id: s.model for s in old.of_kind("overlay")}
    ob = {s.set_id: s.model for s in new.of_kind("overlay")}
    what = msg("diff.what.overlay")
    for oid, m in oa.items():
        if oid not in ob:
            text = msg("diff.overlay.removed", what=what, name=oid)
            out.append(Change(f"overlays.{oid}", "removed", False, m.title, None, text))
    for oid, m in ob.items():
        if oid not in oa:
            text = msg("diff.overlay.added", what=what, name=oid)
            out.append(Change(f"overlays.{oid}", "added", False, None, m.title, text))
    for oid, m in ob.items():
        before = oa.get(oid)
        if before is None:
            continue
        for name in ("valid_from", "valid_until"):
            x, y = getattr(before, name), getattr(m, name)
            if x != y:
                text = msg("diff.validity", field=name)
                out.append(
                    Change(f"overlays.{oid}.{name}", "editorial", False, plain(x), plain(y), text)
                )
        for name in ("title", "publisher", "source"):
            x, y = getattr(before, name), getattr(m, name)
            if x != y:
                text = msg("diff.text", field=name)
                out.append(Change(f"overlays.{oid}.{name}", "editorial", False, x, y, text))
