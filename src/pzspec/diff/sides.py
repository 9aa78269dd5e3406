"""The two sides of a diff: a rule file or folder loaded as a Library, or the YAML files of
a path as they are at a git revision."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from pzspec.errors import InputError, Problem, shown
from pzspec.load.catalog import Library, SourceFile, read_sources, shipped_sources
from pzspec.messages import msg

if TYPE_CHECKING:
    pass

_GIT_HINT = msg("diff.hint.git")


def load_side(path: Path, *, shown_as: tuple[Path, str] | None = None) -> Library:
    """One side of a diff.

    A folder or file holding a full rule version is taken as given (with the shipped profiles
    when it has no profile files). Without a rule version (overlays, profiles) the shipped
    data is the base: a lone overlay means nothing on its own. ``shown_as`` (root, label)
    renames files under ``root`` in error messages, e.g. a temporary git checkout.
    """
    try:
        own = read_sources([path])
        if not own:
            raise InputError.single(str(path), msg("diff.err.empty"), msg("diff.hint.empty"))
        lib = _complete(own)
        from pzspec.load.validate import errors_in

        problems = errors_in(lib)
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
    return problem.in_file(f"{label}:{rel.as_posix()}")


def _complete(own: list[SourceFile]) -> Library:
    kinds = {s.kind for s in own}
    shipped = list(shipped_sources())
    if "rules" in kinds:
        if "profile" in kinds:
            return Library(tuple(own))
        return Library(tuple(own + [s for s in shipped if s.kind == "profile"]))
    mine = {s.set_id for s in own if s.kind == "profile"}
    base = [s for s in shipped if not (s.kind == "profile" and s.set_id in mine)]
    return Library(tuple(base + own))


def _git_error(rev: str, reason: object) -> InputError:
    return InputError.single(f"--git {rev}", msg("diff.err.git", reason=reason), _GIT_HINT)


class _Git:
    """Runs git for one revision; a failure is an ``InputError`` naming the revision."""

    def __init__(self, git: str, rev: str) -> None:
        self.git, self.rev = git, rev

    def __call__(self, *args: str, cwd: Path) -> bytes:
        done = subprocess.run([self.git, *args], cwd=cwd, capture_output=True, check=False)
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise _git_error(self.rev, reason[-1] if reason else done.returncode)
        return done.stdout


def _git_for(rev: str, path: Path) -> tuple[_Git, Path]:
    git = shutil.which("git")
    if git is None:
        raise InputError.single("git", msg("diff.err.git_missing"), _GIT_HINT)
    if rev.startswith("-"):  # never let a revision pass as an option of git
        raise _git_error(rev, rev)
    where = path if path.is_dir() else path.parent
    if not where.is_dir():
        raise InputError.single(str(path), msg("err.not_found"), msg("hint.not_found"))
    return _Git(git, rev), where


def git_snapshot(rev: str, path: Path, dest: Path) -> Path:
    """Write the YAML files of ``path`` (a file or folder of the working copy) as they are
    at git revision ``rev`` under ``dest``; return the path of the copy."""
    run, where = _git_for(rev, path)
    top = Path(run("rev-parse", "--show-toplevel", cwd=where).decode().strip())
    try:
        rel = path.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise InputError.single(
            str(path), msg("diff.err.git", reason=str(top)), _GIT_HINT
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
        target = _inside(root, name, rev)  # every entry, also those not copied
        if kind != "blob" or mode not in ("100644", "100755"):
            continue
        if not name.endswith((".yaml", ".yml")):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(run("cat-file", "blob", obj, cwd=top))
        written += 1
    if not written:
        raise InputError.single(
            f"--git {rev}", msg("diff.err.git_empty", path=rel, rev=rev), _GIT_HINT
        )
    return dest / rel if rel != "." else dest


def _inside(root: Path, name: str, rev: str) -> Path:
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
            msg("diff.err.git_path", path=shown(name, 120)),
            msg("diff.hint.git_path"),
        )
    return target
