"""``pzspec serve``: it starts, says where, and says how to get the extra when it is missing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from typer.testing import CliRunner

from pzspec.cli import serve_cmd
from pzspec.cli.app import app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_without_the_web_extra_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serve_cmd, "WEB_PACKAGES", ("fastapi", "pzspec_no_such_package"))
    done = CliRunner().invoke(app, ["serve", "--lang", "en"])
    assert done.exit_code == 2
    lines = done.output.strip().splitlines()
    assert len(lines) == 1
    assert "pip install 'pzspec[web]'" in lines[0] and "pzspec_no_such_package" in lines[0]
    assert "Traceback" not in done.output


def test_serve_prints_the_address_and_answers() -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pzspec", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as answer:
                    assert json.load(answer)["status"] == "ok"
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("pzspec serve did not answer")
    finally:
        proc.terminate()
        proc.wait(10)


def test_bad_rules_exit_2_with_the_file(tmp_path) -> None:
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")
    broken = tmp_path / "overlay.yaml"
    broken.write_text("pzspec: overlay/1\nid: [\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pzspec", "serve", "--rules", str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "overlay.yaml:" in done.stderr and "Traceback" not in done.stderr
