"""pzspec benchmark: batch throughput, cold start, peak memory and scaling.

    pip install . check-jsonschema yamllint
    python bench/run.py                 # full run: 1,000 / 5,000 / 20,000 portfolios
    python bench/run.py --quick         # 200 / 1,000 (a smoke test)

Generates portfolios from the shipped examples (names, dates and shares varied at random,
seeded), then measures in one run:
- batch: ``pzspec check DIR --format jsonl`` against ``check-jsonschema`` validating the same
  files with pzspec's own schema (``pzspec schema portfolio``);
- cold start: one ``pzspec check FILE`` against ``yamllint FILE`` (median of repeated runs);
- peak memory (max RSS of any pzspec process) at the largest N;
- scaling: seconds per 1,000 portfolios at each N (linear when the figures stay flat).
Prints a table and writes bench/results.json.
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
TARGETS = {"batch_ratio": 0.5, "cold_ratio": 1.2, "peak_mb": 150}


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


def timed(cmd: list[str], **kw: object) -> tuple[float, int]:
    """Seconds and the max RSS (kB) of the command's processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, **kw)  # type: ignore[call-overload]
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(after, before)


def peak_rss_kb(cmd: list[str]) -> int:
    """Max RSS of the command and all its descendants, via a fresh process tree."""
    code = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def median_time(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)  # warm the page cache
    return statistics.median(timed(cmd)[0] for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--sizes", type=int, nargs="*", help="portfolio counts (default 1000 5000 20000)")
    parser.add_argument("--runs", type=int, default=10, help="repetitions for cold start")
    args = parser.parse_args()
    sizes = args.sizes or ([200, 1000] if args.quick else [1000, 5000, 20000])
    pzspec = shutil.which("pzspec")
    cjs = shutil.which("check-jsonschema")
    yamllint = shutil.which("yamllint")
    if not (pzspec and cjs and yamllint):
        print("install first: pip install . check-jsonschema yamllint", file=sys.stderr)
        return 2
    results: dict[str, object] = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "sizes": {}}
    with tempfile.TemporaryDirectory() as tmp:
        schema = Path(tmp) / "portfolio.schema.json"
        schema.write_text(subprocess.run([pzspec, "schema", "portfolio"], capture_output=True, text=True, check=True).stdout)
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            generate(folder, n)
            files = sorted(str(p) for p in folder.glob("*.yaml"))
            t_pz, _ = timed([pzspec, "check", str(folder), "--format", "jsonl", "--as-of", "2026-01-01"])
            t_cjs, _ = timed([cjs, "--schemafile", str(schema), *files])
            results["sizes"][n] = {  # type: ignore[index]
                "pzspec_s": round(t_pz, 2), "check_jsonschema_s": round(t_cjs, 2),
                "ratio": round(t_pz / t_cjs, 2), "pzspec_s_per_1000": round(t_pz / n * 1000, 2),
            }
            print(f"N={n:>6}: pzspec {t_pz:6.2f}s  check-jsonschema {t_cjs:6.2f}s  ratio {t_pz / t_cjs:.2f}  ({t_pz / n * 1000:.2f}s per 1000)")
        largest = Path(tmp) / f"n{max(sizes)}"
        peak = peak_rss_kb([pzspec, "check", str(largest), "--format", "jsonl", "--as-of", "2026-01-01"])
        one = str(sorted(largest.glob("*.yaml"))[0])
        cold_pz = median_time([pzspec, "check", one, "--as-of", "2026-01-01"], args.runs)
        cold_yl = median_time([yamllint, one], args.runs)
    per = [v["pzspec_s_per_1000"] for v in results["sizes"].values()]  # type: ignore[attr-defined]
    results.update({
        "batch_ratio": max(v["ratio"] for v in results["sizes"].values()),  # type: ignore[attr-defined]
        "cold_pzspec_s": round(cold_pz, 3), "cold_yamllint_s": round(cold_yl, 3),
        "cold_ratio": round(cold_pz / cold_yl, 2),
        "peak_mb": round(peak / 1024, 1), "peak_at": max(sizes),
        "scaling_spread": round(max(per) / min(per), 2),
    })
    print(f"cold start: pzspec {cold_pz:.3f}s  yamllint {cold_yl:.3f}s  ratio {cold_pz / cold_yl:.2f}")
    print(f"peak memory at N={max(sizes)}: {peak / 1024:.1f} MB (largest process)")
    print(f"scaling: seconds per 1000 from {min(per):.2f} to {max(per):.2f} (spread {max(per) / min(per):.2f}x)")
    for key, target in TARGETS.items():
        value = results[key]
        ok = value <= target  # type: ignore[operator]
        print(f"{'ok  ' if ok else 'MISS'} {key} = {value} (target <= {target})")
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
