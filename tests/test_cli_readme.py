"""The README's first screen: the two commands, runnable as they stand, the first making the
virtual environment a Debian or Ubuntu user needs for ``pip install .``."""

from __future__ import annotations

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FIRST_BLOCK = README.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
VENV = "python3 -m venv .venv && . .venv/bin/activate"
INSTALL = f"{VENV} && pip install . && pzspec check examples/portfolios/pz-hospice-leergang.yaml"
TESTS = "pip install '.[test,web]' && python -m pytest"


def test_the_first_screen_shows_the_venv_and_the_two_commands() -> None:
    assert FIRST_BLOCK == [INSTALL, TESTS]
    first_screen = "\n".join(README.splitlines()[:24])
    assert "externally-managed-environment" in first_screen


def test_ci_runs_the_readme_test_command_exactly() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert TESTS in ci


def test_the_example_in_the_install_command_exists() -> None:
    assert (ROOT / INSTALL.split("pzspec check ", 1)[1]).is_file()
