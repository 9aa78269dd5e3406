"""A bounded load test of ``pzspec serve``'s HTTP API on localhost (issue 16).

    pip install '.[web]'
    python bench/web_load.py                 # 400 requests, 16 at a time
    python bench/web_load.py --requests 2000 --concurrency 32 --workers 2

Starts ``uvicorn pzspec.web:app`` on a free port, sends ``POST /api/v1/check`` with the
shipped example portfolios (YAML), ``concurrency`` requests at a time, and reports whether
every request was answered (200 for a portfolio, never a 5xx or a dropped connection),
the latencies, the throughput, and whether the server still answers ``/healthz`` after.
``bench/run.py`` calls :func:`web_load` and puts its result in bench/results.json.
Only the standard library on the client side: what is measured is the server.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _request(port: int, method: str, path: str, body: bytes | None = None) -> tuple[int, float]:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        headers = {"content-type": "application/yaml"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        answer = conn.getresponse()
        answer.read()
        return answer.status, time.perf_counter() - start
    except OSError:
        return 0, time.perf_counter() - start  # 0: no answer (refused, reset, timed out)
    finally:
        conn.close()


def _wait_until_up(port: int, proc: subprocess.Popen[bytes], seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {proc.returncode}")
        if _request(port, "GET", "/healthz")[0] == 200:
            return
        time.sleep(0.1)
    raise RuntimeError("uvicorn pzspec.web:app did not start")


def web_load(requests: int = 400, concurrency: int = 16, workers: int = 1) -> dict[str, Any]:
    """``requests`` checks, ``concurrency`` at a time, against a fresh server with
    ``workers`` processes. Returns the figures; ``ok`` is True when every request got a 200
    and the server answered /healthz afterwards."""
    port = _free_port()
    cmd = [sys.executable, "-m", "uvicorn", "pzspec.web:app", "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers), "--no-access-log",
           "--timeout-graceful-shutdown", "5"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(port, proc)
        bodies = [p.read_bytes() for p in EXAMPLES]
        path = "/api/v1/check?as_of=2026-01-01"
        start = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            done = list(
                pool.map(
                    lambda i: _request(port, "POST", path, bodies[i % len(bodies)]),
                    range(requests),
                )
            )
        seconds = time.perf_counter() - start
        alive = _request(port, "GET", "/healthz")[0] == 200 and proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    statuses: dict[str, int] = {}
    for status, _ in done:
        statuses[str(status)] = statuses.get(str(status), 0) + 1
    latencies = sorted(t for _, t in done)
    answered = sum(1 for s, _ in done if s == 200)
    return {
        "requests": requests,
        "concurrency": concurrency,
        "workers": workers,
        "answered_200": answered,
        "statuses": statuses,
        "seconds": round(seconds, 3),
        "requests_per_second": round(requests / seconds, 1) if seconds else None,
        "latency_ms_p50": round(statistics.median(latencies) * 1000, 1),
        "latency_ms_p95": round(latencies[int(0.95 * (len(latencies) - 1))] * 1000, 1),
        "latency_ms_max": round(latencies[-1] * 1000, 1),
        "alive_after": alive,
        "ok": answered == requests and alive,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    result = web_load(args.requests, args.concurrency, args.workers)
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
