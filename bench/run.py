"""pzspec benchmark: every ratio of issue 14 in one run, each with its target.

    pip install . check-jsonschema
    python bench/run.py                 # 2,000 and 20,000 portfolios (about 10 minutes)
    python bench/run.py --quick         # 200 and 1,000 portfolios (under 3 minutes, quiet machine)

Generates portfolios from the shipped examples (names, dates and shares varied at random,
seeded), then measures, interleaving the commands of each comparison so that a busy machine
slows both alike (medians of ``--runs``):
- text vs jsonl: ``pzspec check DIR`` (text, not a terminal) against ``--format jsonl``;
- cold check: one ``pzspec check FILE`` against the import floor of its stack
  (``python -c "import typer, ruamel.yaml; from pydantic import BaseModel"``) and against
  ``check-jsonschema`` on the same file with pzspec's schema (``pzspec schema portfolio``);
- diff vs check: ``pzspec diff OLD NEW --portfolios DIR`` (the experience threshold raised)
  against ``pzspec check DIR --format jsonl``;
- jsonl vs check-jsonschema: a jsonl batch against check-jsonschema validating the same
  files, at both sizes;
- peak memory: the largest resident set of any pzspec process at the larger size, in every
  check format;
- web load (issue 16, with the web extra): ``bench/web_load.py``, 400 requests to
  ``POST /api/v1/check``, 16 at a time, every one answered and the server alive after.
Prints pass/fail per target and writes bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))
AS_OF = ("--as-of", "2026-01-01")
FORMATS = ("text", "json", "jsonl", "html", "markdown", "github", "junit")
FLOOR = [sys.executable, "-c", "import typer, ruamel.yaml; from pydantic import BaseModel"]
TARGETS = {  # name: (at most, what is compared)
    "text_vs_jsonl": (1.5, "text batch / jsonl batch"),
    "cold_vs_floor": (1.5, "cold check / import floor"),
    "cold_vs_cjs": (0.8, "cold check / check-jsonschema, one file"),
    "diff_vs_check": (1.6, "diff --portfolios / jsonl check"),
    "jsonl_vs_cjs_small": (0.5, "jsonl batch / check-jsonschema, smaller N"),
    "jsonl_vs_cjs_large": (0.5, "jsonl batch / check-jsonschema, larger N"),
    "peak_mb": (150, "peak MB at the larger N, worst format"),
    "web_load_failed": (0, "web load test: 400 requests, 16 at a time, each a 200 and the server alive after"),
}
MIN_MONTHS = ("  - id: experience.min-months\n    value: 24\n", "  - id: experience.min-months\n    value: 54\n")


def generate(folder: Path, n: int, seed: int = 2025) -> None:
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = texts[i % len(texts)]
        text = re.sub(r'name: "[^"]*"', f'name: "P. Persoon {i}"', text, count=1)
        text = re.sub(r"palliative_patient_share: 0\.\d+", lambda _: f"palliative_patient_share: {rng.uniform(0.3, 1):.2f}", text)
        shift = rng.choice((0, 4))  # whole leap cycles, so every date stays a real date
        text = re.sub(r"\b(19|20)(\d\d)-(\d\d)-(\d\d)\b", lambda m: f"{int(m[1] + m[2]) - shift}-{m[3]}-{m[4]}", text)
        (folder / f"p{i:06d}.yaml").write_text(text, encoding="utf-8")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def interleaved(cmds: dict[str, list[str]], runs: int, *, warm: bool = True) -> dict[str, float]:
    """Median seconds of each command, run in turn (A B A B ...), after one warm-up each
    (``warm``: the files were just written, so a batch needs none)."""
    for cmd in cmds.values() if warm else ():
        timed(cmd)
    seen: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            seen[name].append(timed(cmd))
    return {name: statistics.median(times) for name, times in seen.items()}


def peak_rss_kb(cmd: list[str]) -> int:
    """Max RSS of the largest process among the command and all its descendants."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def new_side(tmp: Path) -> Path:
    """The shipped rule data with the experience threshold raised from 24 to 54 months."""
    new = tmp / "new-rules"
    shutil.copytree(ROOT / "data", new)
    rules = new / "rules" / "2025-03.yaml"
    text = rules.read_text(encoding="utf-8")
    if MIN_MONTHS[0] in text:
        rules.write_text(text.replace(*MIN_MONTHS), encoding="utf-8")
    return new


def ratio(a: float, b: float) -> float:
    return round(a / b, 2) if b else float("inf")


def _web_load() -> dict[str, object] | None:
    """Issue 16's bounded load test (400 requests, 16 at a time), when the web extra is
    installed; None (and a line saying so) when it is not."""
    import importlib.util

    if importlib.util.find_spec("fastapi") is None or importlib.util.find_spec("uvicorn") is None:
        print("web load: skipped (pip install '.[web]')")
        return None
    from web_load import web_load  # bench/ is on sys.path when this script runs

    return web_load(requests=400, concurrency=16, workers=1)


def main() -> int:  # noqa: C901, PLR0915 - one straight measurement script
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="200 and 1,000 portfolios, fewer runs")
    parser.add_argument("--sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"), help="portfolio counts (default 2000 20000)")
    parser.add_argument("--runs", type=int, help="repetitions per comparison (default 3, quick 1; cold start 10, quick 5)")
    args = parser.parse_args()
    small, large = args.sizes or ((200, 1000) if args.quick else (2000, 20000))
    runs = args.runs or (1 if args.quick else 3)
    cold_runs = args.runs or (5 if args.quick else 10)
    pzspec = shutil.which("pzspec")
    cjs = shutil.which("check-jsonschema")
    if not (pzspec and cjs):
        print("install first: pip install . check-jsonschema", file=sys.stderr)
        return 2
    r: dict[str, object] = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "small": small, "large": large}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        schema = tmp / "portfolio.schema.json"
        schema.write_text(subprocess.run([pzspec, "schema", "portfolio"], capture_output=True, text=True, check=True).stdout)
        dirs = {n: tmp / f"n{n}" for n in (small, large)}
        for n, folder in dirs.items():
            generate(folder, n)
        one = str(sorted(dirs[small].glob("*.yaml"))[0])
        check = [pzspec, "check", *AS_OF]
        jsonl = {n: [*check, str(d), "--format", "jsonl"] for n, d in dirs.items()}

        t = interleaved({"text": [*check, str(dirs[small])], "jsonl": jsonl[small]}, runs, warm=False)
        r["text_s"], r["jsonl_s"], r["text_vs_jsonl"] = round(t["text"], 2), round(t["jsonl"], 2), ratio(t["text"], t["jsonl"])
        print(f"text vs jsonl, N={small}: {t['text']:.2f}s vs {t['jsonl']:.2f}s")

        t = interleaved({"cold": [*check, one], "floor": FLOOR, "cjs": [cjs, "--schemafile", str(schema), one]}, cold_runs)
        r["cold_s"], r["floor_s"], r["cjs_one_s"] = round(t["cold"], 3), round(t["floor"], 3), round(t["cjs"], 3)
        r["cold_vs_floor"], r["cold_vs_cjs"] = ratio(t["cold"], t["floor"]), ratio(t["cold"], t["cjs"])
        print(f"cold check: {t['cold']:.3f}s, import floor {t['floor']:.3f}s, check-jsonschema {t['cjs']:.3f}s")

        diff = [pzspec, "diff", str(ROOT / "data"), str(new_side(tmp)), "--portfolios", str(dirs[small]), *AS_OF]
        t = interleaved({"diff": diff, "jsonl": jsonl[small]}, runs, warm=False)
        r["diff_s"], r["diff_vs_check"] = round(t["diff"], 2), ratio(t["diff"], t["jsonl"])
        print(f"diff --portfolios vs jsonl check, N={small}: {t['diff']:.2f}s vs {t['jsonl']:.2f}s")

        for label, n in (("small", small), ("large", large)):
            files = sorted(str(p) for p in dirs[n].glob("*.yaml"))
            t = interleaved({"jsonl": jsonl[n], "cjs": [cjs, "--schemafile", str(schema), *files]}, 1 if n == large else runs, warm=False)
            r[f"jsonl_{n}_s"], r[f"cjs_{n}_s"] = round(t["jsonl"], 2), round(t["cjs"], 2)
            r[f"jsonl_vs_cjs_{label}"] = ratio(t["jsonl"], t["cjs"])
            print(f"jsonl vs check-jsonschema, N={n}: {t['jsonl']:.2f}s vs {t['cjs']:.2f}s")

        peaks = {}
        for fmt in FORMATS:
            # html and markdown over a folder go to -o (one file per portfolio where pzspec
            # writes a folder), the other formats to stdout
            out = ["-o", str(tmp / f"out-{fmt}")] if fmt in ("html", "markdown") else []
            peaks[fmt] = round(peak_rss_kb([*check, str(dirs[large]), "--format", fmt, *out]) / 1024, 1)
            print(f"peak memory, N={large}, {fmt}: {peaks[fmt]} MB")
        r["peak_mb_by_format"] = peaks
        r["peak_mb"] = max(peaks.values())
    r["web_load"] = _web_load()
    if isinstance(r["web_load"], dict):
        print(f"web load: {r['web_load']}")
        r["web_load_failed"] = 0 if r["web_load"].get("ok") else 1
    failed = 0
    for key, (target, what) in TARGETS.items():
        if key not in r:
            continue
        value = r[key]
        ok = value <= target  # type: ignore[operator]
        failed += not ok
        print(f"{'ok  ' if ok else 'MISS'} {key} = {value} (target <= {target}: {what})")
    (ROOT / "bench" / "results.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
