from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from pzspec.evaluate import engine
from pzspec.load import loader, yamlio
from pzspec.load.catalog import RuleBook, default_book
from pzspec.models.result import CheckResult

ROOT = Path(__file__).resolve().parent.parent
# the tests expect Dutch unless they ask for English: an English LANG on the machine running
# them (pzspec follows LANG since issue 15.9) must not change what they see
os.environ["PZSPEC_LANG"] = "nl"
AS_OF = dt.date(2026, 1, 1)


@pytest.fixture(scope="session")
def book() -> RuleBook:
    return default_book(AS_OF)


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    def _write(text: str, name: str = "portfolio.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


def check_text(text: str, book: RuleBook, as_of: dt.date = AS_OF) -> CheckResult:
    doc = yamlio.parse(textwrap.dedent(text), "test.yaml")
    portfolio = loader.parse_portfolio(doc, book.rules, book.withdrawn)
    return engine.evaluate(portfolio, book, as_of, "test.yaml")
