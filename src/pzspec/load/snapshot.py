"""The shipped rule data as it reads after validation, shipped with the code (issue 14).

Every ``pzspec`` run needs the shipped rule data. Reading it the long way (YAML, then
pydantic, whose validators for the rule models are built first) is about a third of a cold
``pzspec check FILE``; loading it from ``shipped.json``, next to this module, is a
millisecond. The snapshot is data only (JSON: mappings, lists, strings, numbers, dates) and
names nothing but rule-data model classes, taken from a fixed table, never imported by name.

It is used only when it stands for exactly what would be read now: the sha256 of every
shipped rule file (as parsed) and of the code that reads them (``models/``,
``conditions/``, ``load/``) must equal those it records, and the condition types must be the
built-in ones. Otherwise, and for any file given with ``--rules``, the data is read the long
way, so the snapshot can make pzspec faster but never change what it says. It lives where the
code lives and is written by whoever installs pzspec, as the code is: it is not a cache
(docs/security.md, section 8). ``tests/test_snapshot.py`` checks that it is current and reads
the same as validating; after a change of the data or of that code, write it again:

    python -m pzspec.load.snapshot
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

FORMAT = "pzspec-snapshot/1"
SNAPSHOT = Path(__file__).with_name("shipped.json")
_PACKAGE = Path(__file__).resolve().parent.parent
_CODE = ("models", "conditions", "load")  # what turns a rule file into models


class Stale(Exception):
    """The snapshot does not stand for the files and code of this run (or is unreadable)."""


def code_digest() -> str:
    """The sha256 of the code that reads rule files, file by file in name order."""
    h = hashlib.sha256()
    for folder in _CODE:
        for path in sorted((_PACKAGE / folder).glob("*.py")):
            h.update(f"{folder}/{path.name}\0".encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _classes() -> dict[str, type[BaseModel]]:
    """The model classes a snapshot may name: those of the rule data and the conditions."""
    from pzspec.conditions.base import TYPES
    from pzspec.models import base, rules

    found: dict[str, type[BaseModel]] = {}
    candidates = [*vars(rules).values(), *vars(base).values()]
    candidates += [t.model for t in TYPES.values()]
    for cls in candidates:
        model = isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel
        if model and found.setdefault(cls.__qualname__, cls) is not cls:
            raise ValueError(f"two model classes named {cls.__qualname__}")
    return found


def _builtin_conditions() -> bool:
    from pzspec.conditions.base import TYPES
    from pzspec.conditions.registry import BUILTIN

    return tuple(TYPES.values()) == BUILTIN


# --- writing ---------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """A validated value as JSON data; every container says what it was."""
    if isinstance(value, BaseModel):
        if value.__pydantic_private__ or value.__pydantic_extra__:
            raise ValueError(f"{type(value).__qualname__}: private or extra values")
        fields = {name: encode(v) for name, v in value.__dict__.items()}
        return {"m": [type(value).__qualname__, fields, sorted(value.model_fields_set)]}
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"date": value.isoformat()}
    if isinstance(value, list):
        return {"l": [encode(v) for v in value]}
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"d": {k: encode(v) for k, v in value.items()}}
    raise ValueError(f"cannot keep a {type(value).__name__} in a snapshot")


def build(root: Path, files: Sequence[tuple[Path, str, str, BaseModel]]) -> dict[str, Any]:
    """The snapshot of validated rule files: (path, sha256, kind, model) each."""
    entries = [
        {"path": p.relative_to(root).as_posix(), "sha256": sha, "kind": kind, "model": encode(m)}
        for p, sha, kind, m in files
    ]
    return {"format": FORMAT, "code": code_digest(), "files": entries}


def write(target: Path = SNAPSHOT) -> Path:
    """Read the shipped data the long way and write its snapshot (atomically)."""
    from pzspec.load import sources

    root = sources.data_dir()
    read = sources.read_sources([root / "profiles", root / "rules"], shipped=True)
    data = build(root, [(s.path, s.sha256, s.kind, s.model) for s in read])
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".shipped-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)  # read by everyone, as the code next to it
    os.replace(tmp, target)
    return target


# --- reading ---------------------------------------------------------------------------


def _model(cls: type[BaseModel], values: dict[str, Any], given: set[str]) -> BaseModel:
    """What ``cls.model_construct(_fields_set=given, **values)`` makes when ``values`` holds
    every field in the class's order, in a third of its time: the instance's four slots set
    directly (the test compares every object with the validated one)."""
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    object.__setattr__(obj, "__pydantic_fields_set__", given)
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def _decode(value: Any, classes: dict[str, type[BaseModel]]) -> Any:
    if type(value) is not dict:
        return value
    if len(value) != 1:
        raise Stale("a container without its kind")
    ((tag, body),) = value.items()
    if tag == "m":
        name, fields, given = body
        cls = classes.get(name)
        if cls is None:
            raise Stale(f"an unknown model {name!r}")
        if not isinstance(fields, dict) or fields.keys() != cls.model_fields.keys():
            raise Stale(f"other fields for {name!r}")
        # in the order of the class's fields, as validating makes them (model_dump keeps it)
        values = {k: _decode(fields[k], classes) for k in cls.model_fields}
        return _model(cls, values, set(given))
    if tag == "l":
        return [_decode(v, classes) for v in body]
    if tag == "t":
        return tuple(_decode(v, classes) for v in body)
    if tag == "d":
        return {k: _decode(v, classes) for k, v in body.items()}
    if tag == "date":
        return dt.date.fromisoformat(body)
    raise Stale(f"an unknown kind {tag!r}")


def _key(entry: object) -> tuple[object, object] | None:
    return (entry.get("path"), entry.get("sha256")) if isinstance(entry, dict) else None


def models(
    root: Path, files: Iterable[tuple[Path, str]], snapshot: Path = SNAPSHOT
) -> list[tuple[str, BaseModel]]:
    """(kind, model) for each shipped file, given as (path, sha256), in the same order;
    ``Stale`` unless the snapshot stands for exactly these files and this code."""
    if not _builtin_conditions():
        raise Stale("condition types were registered")
    try:
        data = json.loads(snapshot.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise Stale(str(err)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Stale("not a snapshot of this format")
    wanted = [(p.relative_to(root).as_posix(), sha) for p, sha in files]
    entries = data.get("files")
    if not isinstance(entries, list) or [_key(e) for e in entries] != wanted:
        raise Stale("other rule files")
    try:
        code = code_digest()
    except OSError as err:  # the code is not in plain files (a zip, a frozen build)
        raise Stale(str(err)) from None
    if data.get("code") != code:
        raise Stale("other code")
    classes = _classes()
    try:
        out = [(e["kind"], _decode(e["model"], classes)) for e in entries]
    except (KeyError, TypeError, ValueError) as err:
        raise Stale(f"unreadable: {err}") from None
    from pzspec.load.sources import MODELS

    if any(type(m) is not MODELS.get(kind) for kind, m in out):
        raise Stale("a file of another kind")
    return out


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else SNAPSHOT))
