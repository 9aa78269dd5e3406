"""The snapshot of the shipped rule data (load/snapshot.py, issue 14): current, read exactly as
validating reads, and used only when it stands for the files and code of the run."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from pzspec.conditions import registry
from pzspec.conditions.base import TYPES
from pzspec.load import snapshot, sources, yamlio

ROOT = Path(__file__).resolve().parent.parent


def _long_way(root: Path) -> list[sources.SourceFile]:
    return sources.read_sources([root / "profiles", root / "rules"], shipped=True)


def _files(root: Path) -> list[tuple[Path, str]]:
    paths = sources.yaml_files([root / "profiles", root / "rules"])
    return [(p, sources._digest(yamlio.read_text(p))) for p in paths]


def _same(a: object, b: object) -> bool:
    """Equal, of the same types all the way down, with the same fields set."""
    if type(a) is not type(b):
        return False
    if isinstance(a, BaseModel):
        assert isinstance(b, BaseModel)
        in_order = list(a.__dict__) == list(b.__dict__)  # model_dump keeps this order
        return (
            in_order and a.model_fields_set == b.model_fields_set and _same(a.__dict__, b.__dict__)
        )
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        assert isinstance(b, list | tuple)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@pytest.fixture
def fresh() -> Iterator[None]:
    sources.shipped_sources.cache_clear()
    yield
    sources.shipped_sources.cache_clear()


def test_the_shipped_snapshot_is_current() -> None:
    root = sources.data_dir()
    read = _long_way(root)
    want = snapshot.build(root, [(s.path, s.sha256, s.kind, s.model) for s in read])
    have = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    assert have == want, "the snapshot is stale: run python -m pzspec.load.snapshot"


def test_the_snapshot_reads_as_validating_does(fresh: None) -> None:
    root = sources.data_dir()
    kept = snapshot.models(root, _files(root))
    read = _long_way(root)
    assert [k for k, _ in kept] == [s.kind for s in read]
    for (_, model), src in zip(kept, read, strict=True):
        assert _same(model, src.model), src.display


def test_the_shipped_data_comes_from_the_snapshot_with_its_positions(fresh: None) -> None:
    shipped = sources.shipped_sources()
    assert all(s.parsed is None for s in shipped)  # not parsed: taken from the snapshot
    first = shipped[0]
    assert first.doc.where(("id",)) == yamlio.parse(first.text, str(first.path)).where(("id",))


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(sources.data_dir(), root)
    return root


def test_a_changed_rule_file_is_read_the_long_way(
    tmp_path: Path, fresh: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(tmp_path)
    rules = sorted((root / "rules").glob("*.yaml"))[0]
    text = rules.read_text(encoding="utf-8")
    assert "value: 24\n" in text
    rules.write_text(text.replace("value: 24\n", "value: 30\n", 1), encoding="utf-8")
    monkeypatch.setattr(sources, "data_dir", lambda: root)
    with pytest.raises(snapshot.Stale):
        snapshot.models(root, _files(root))
    got = {s.path.name: s for s in sources.shipped_sources()}[rules.name]
    assert got.parsed is not None  # parsed and validated
    assert got.sha256 == sources._digest(rules.read_text(encoding="utf-8"))
    values = [p.value for p in got.model.parameters]  # type: ignore[union-attr]
    assert 30 in values


def test_a_new_rule_file_is_read_the_long_way(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    first = sorted((root / "profiles").glob("*.yaml"))[0]
    shutil.copy(first, root / "profiles" / "zz-copy.yaml")
    with pytest.raises(snapshot.Stale, match="other rule files"):
        snapshot.models(root, _files(root))


def _planted(tmp_path: Path, change: object) -> Path:
    data = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    assert callable(change)
    change(data)
    path = tmp_path / "shipped.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _rename_first_model(data: dict[str, object]) -> None:
    files = data["files"]
    assert isinstance(files, list)
    files[0]["model"]["m"][0] = "os.system"


def _drop_a_field(data: dict[str, object]) -> None:
    files = data["files"]
    assert isinstance(files, list)
    files[0]["model"]["m"][1].popitem()


def _swap_kind(data: dict[str, object]) -> None:
    files = data["files"]
    assert isinstance(files, list)
    files[0]["kind"] = "rules" if files[0]["kind"] != "rules" else "profile"


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(format="pzspec-snapshot/0"), "format"),
        (lambda d: d.update(code="0" * 64), "other code"),
        (lambda d: d["files"].pop(), "other rule files"),
        (_rename_first_model, "unknown model"),
        (_swap_kind, "another kind"),
        (_drop_a_field, "other fields"),
        (lambda d: d["files"][0].update(model={"x": 1}), "unknown kind"),
    ],
)
def test_a_snapshot_that_does_not_fit_is_not_used(
    tmp_path: Path, change: object, reason: str
) -> None:
    root = sources.data_dir()
    with pytest.raises(snapshot.Stale, match=reason):
        snapshot.models(root, _files(root), _planted(tmp_path, change))


def test_an_unreadable_snapshot_is_not_used(tmp_path: Path) -> None:
    bad = tmp_path / "shipped.json"
    bad.write_text("{not json", encoding="utf-8")
    root = sources.data_dir()
    with pytest.raises(snapshot.Stale):
        snapshot.models(root, _files(root), bad)
    with pytest.raises(snapshot.Stale):
        snapshot.models(root, _files(root), tmp_path / "missing.json")


def test_a_registered_condition_type_means_the_long_way() -> None:
    kind = TYPES["min"]
    registry.register(kind)  # the same type again: the table is no longer the built-in one
    try:
        TYPES["min-again"] = kind
        root = sources.data_dir()
        with pytest.raises(snapshot.Stale, match="registered"):
            snapshot.models(root, _files(root))
    finally:
        TYPES.pop("min-again", None)
        registry.unregister("min-again")
        TYPES["min"] = kind


def test_write_is_atomic_and_readable_by_all(tmp_path: Path) -> None:
    target = tmp_path / "shipped.json"
    snapshot.write(target)
    assert target.stat().st_mode & 0o777 == 0o644
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        snapshot.SNAPSHOT.read_text(encoding="utf-8")
    )
    assert [p.name for p in tmp_path.iterdir()] == ["shipped.json"]
