"""A data-only cache of the shipped rule data, so a single check need not parse its YAML.

What it holds: for each shipped file its path, kind, sha256 and the validated model as
JSON. What it never holds: code or objects (no pickle, no marshal). Before use it is
checked three ways, and any failure means "no cache" (the YAML is parsed as usual):

- the folder is the user's own (owner is the current user, mode 0700, not a symlink) and
  the file is a regular file owned by the user that nobody else can write;
- the cache is keyed by the sha256 of the shipped files' contents, read fresh on every run,
  and every file's recorded hash must equal the hash just computed, so provenance always
  names the data that is used;
- the models are validated again by pydantic (strict) from the JSON.

See docs/security.md ("The rule-data cache") and docs/performance.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

FORMAT = "pzspec-cache/2"


def enabled() -> bool:
    return not os.environ.get("PZSPEC_NO_CACHE")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "pzspec" / "rules"


def key(version: str, digests: list[tuple[str, str]]) -> str:
    """The cache key: pzspec's version and the content hash of every shipped file."""
    h = hashlib.sha256(f"{FORMAT}|{version}".encode())
    for name, digest in digests:
        h.update(f"|{name}={digest}".encode())
    return h.hexdigest()[:32]


def _own_folder(path: Path, *, create: bool) -> bool:
    """True when ``path`` is a real folder of the current user that only they can use."""
    if create:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.mkdir(mode=0o700, exist_ok=True)
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return (
        stat.S_ISDIR(st.st_mode)
        and st.st_uid == os.geteuid()
        and stat.S_IMODE(st.st_mode) & 0o077 == 0
    )


def read(name: str) -> dict[str, Any] | None:
    """The cached payload called ``name``, or None when it is absent or cannot be trusted."""
    where = folder()
    if not _own_folder(where, create=False):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where / name, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if (
            not stat.S_ISREG(st.st_mode)
            or st.st_uid != os.geteuid()
            or stat.S_IMODE(st.st_mode) & 0o022
        ):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(16 * 1024 * 1024)
    except OSError:
        return None
    finally:
        os.close(fd)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def write(name: str, payload: dict[str, Any]) -> None:
    """Store ``payload`` atomically; a cache that cannot be written only costs speed."""
    where = folder()
    if not _own_folder(where, create=True):
        return
    body = json.dumps({"format": FORMAT, **payload}, ensure_ascii=False).encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".json")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
        os.replace(tmp, where / name)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
