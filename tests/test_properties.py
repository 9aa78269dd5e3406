"""Property-based tests: generated portfolios, valid and broken, through ``pzspec check``.

For every generated input:

* the exit status is 0, 1, 2 or 3, and nothing escapes as an exception or a traceback;
* an unusable file gives only ``file[:line:column]: message`` lines on stderr, nothing on
  stdout, and never the name or BIG number in it;
* a valid portfolio's result does not change when its keys are reordered, comments are
  added or block style becomes flow style;
* every JSON result validates against its published shape (``tests/result.schema.json``);
* ``--redact`` removes the name and BIG number from every output format.

Profiles: the default run is quick (100 examples per property). The fuzz run::

    HYPOTHESIS_PROFILE=fuzz python -m pytest -x -s tests/test_properties.py

gives every property an equal share of ``PZSPEC_FUZZ_SECONDS`` (default 600: ten minutes
in all), running Hypothesis again and again (``PZSPEC_FUZZ_BATCH`` examples a time, fresh
random data each time) until the share is used, prints how many examples each property
saw, and stops at the first failure with the smallest example Hypothesis found.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
import math
import os
import random
import re
import tempfile
import time
import xml.dom.minidom
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pzspec.cli.app import app

settings.register_profile(
    "default",
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("PZSPEC_FUZZ_BATCH", "500")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "default")
settings.load_profile(PROFILE)
FUZZ_SECONDS = float(os.environ.get("PZSPEC_FUZZ_SECONDS", "600"))
FUZZED: list[str] = []
EXAMPLES_RUN: Counter[str] = Counter()


def fuzzed(test: Callable[..., None]) -> Callable[..., None]:
    """Under the fuzz profile, run the property again and again for its share of the time."""
    FUZZED.append(test.__name__)

    @functools.wraps(test)
    def run_for_a_while(*args: Any, **kwargs: Any) -> None:
        if PROFILE != "fuzz":
            test(*args, **kwargs)
            return
        share = FUZZ_SECONDS / len(FUZZED)
        started = time.monotonic()
        batches = 0
        while batches == 0 or time.monotonic() - started < share:
            test(*args, **kwargs)  # Hypothesis draws new random examples on every call
            batches += 1
        took = time.monotonic() - started
        print(f"\n{test.__name__}: {EXAMPLES_RUN[test.__name__]} examples in {took:.0f} s")

    return run_for_a_while


def count(name: str) -> None:
    EXAMPLES_RUN[name] += 1


AS_OF = "2026-01-01"
SCHEMA = json.loads((Path(__file__).parent / "result.schema.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EXIT_OF = {"eligible": 0, "eligible-transition": 0, "not-eligible": 1, "needs-review": 3}
runner = CliRunner()

# --- the catalogue of docs/portfolio-format.md (the public contract) -------------------
PROFESSIONS = [
    "verzorgende-ig",
    "mbo-verpleegkundige",
    "hbo-verpleegkundige",
    "verpleegkundig-specialist",
    "physician-assistant",
    "arts",
]
PROFILES = ["vig", "pz-verpleegkundige", "vs-pa", "arts"]
COURSES = [
    "leergang-pz-verpleegkundige",
    "leergang-pz-vs-pa",
    "manp",
    "master-physician-assistant",
    "kaderopleiding-pz",
    "palliative-medicine-postgrad",
    "cursus-pz-medisch-specialisten",
    "basisscholing-pz",
    "scholing-aandachtsvelder-pz",
    "epa-lz-fo",
]
COURSE_KINDS = [
    "leergang-pz",
    "aanvullende-scholing-pz",
    "postgraduate-palliative-medicine",
    "basisscholing",
    "cursus",
    "master",
    "other",
]
ACTIVITY_KINDS = [
    "intervisie",
    "onderwijs",
    "bedside-teaching",
    "patz",
    "adviesteam",
    "consultatieteam",
    "mdo",
    "commissie",
    "richtlijnwerkgroep",
    "onderzoek",
    "bijscholing",
    "congres",
    "webinar",
    "e-learning",
    "publieksvoorlichting",
    "consultatie",
]
SETTINGS = ["thuiszorg", "hospice", "verpleeghuis", "ziekenhuis", "huisartsenpraktijk"]
DOMAINS = ["1", "2", *(f"2.{i}" for i in range(1, 11)), *(str(i) for i in range(3, 11))]
EPAS = ["LZ-FO-1", "LZ-FO-2"]


# --- writing YAML ourselves: full control over order, comments and style ---------------
def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ".nan"
        if math.isinf(value):
            return ".inf" if value > 0 else "-.inf"
        return repr(value)
    if isinstance(value, dt.date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return quote(str(value))


def quote(text: str) -> str:
    """A YAML double-quoted string; anything not plainly printable becomes an escape."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or code in (0x2028, 0x2029, 0xFEFF):
            out.append(f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF or code in (0xFFFE, 0xFFFF):
            out.append("\\ufffd")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def key_text(key: str) -> str:
    plain = key and all(c.isalnum() or c in "_-" for c in key) and key[0].isalpha()
    return key if plain else quote(key)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key_text(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def block(value: Any, indent: int = 0, rng: random.Random | None = None) -> str:
    """Block style; with ``rng``, some collections are written in flow style instead."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, dict | list) and v and not (rng and rng.random() < 0.2):
                lines.append(f"{pad}{key_text(k)}:\n" + block(v, indent + 2, rng))
            else:
                lines.append(f"{pad}{key_text(k)}: {flow(v)}\n")
    elif isinstance(value, list):
        for v in value:
            if isinstance(v, dict | list) and v and not (rng and rng.random() < 0.2):
                lines.append(f"{pad}-\n" + block(v, indent + 2, rng))
            else:
                lines.append(f"{pad}- {flow(v)}\n")
    else:
        lines.append(pad + scalar(value) + "\n")
    return "".join(lines)


def shuffled(value: Any, rng: random.Random) -> Any:
    """The same data with the keys of every mapping in another order."""
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [shuffled(v, rng) for v in value]
    return value


def with_comments(text: str, rng: random.Random) -> str:
    """Comment lines between lines, and comments at the end of lines."""
    out = []
    for line in text.splitlines():
        if rng.random() < 0.3:
            out.append(
                " " * rng.randint(0, 6) + "# " + rng.choice(["opmerking", "#", "key: v", "- x"])
            )
        end = ""
        if rng.random() < 0.3 and not line.rstrip().endswith("-"):
            end = "  # " + rng.choice(["toelichting", "zie bijlage: 3", "'quote", "&anchor *alias"])
        out.append(line + end)
    if rng.random() < 0.5:
        out.append("# einde")
    return "\n".join(out) + "\n"


# --- strategies ------------------------------------------------------------------------
def dates(first: int = 1990, last: int = 2030) -> st.SearchStrategy[dt.date]:
    return st.dates(dt.date(first, 1, 1), dt.date(last, 12, 31))


any_date = st.one_of(dates(), dates(1900, 2199))
# Text as people write it: any character, but no control characters other than tab and
# line breaks (pzspec refuses those, see the corpus case encoding-escaped-control-character).
text = st.text(
    alphabet=st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from("\t\n")),
    max_size=30,
)
shares = st.floats(0.0, 1.0)
NAME_PREFIX = "Naam"


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None}


@st.composite
def education(draw: st.DrawFn) -> dict[str, Any]:
    completed = draw(any_date)
    entry: dict[str, Any] = (
        {"course": draw(st.sampled_from(COURSES))}
        if draw(st.booleans())
        else {"name": draw(text), "kind": draw(st.sampled_from(COURSE_KINDS))}
    )
    entry["completed"] = completed
    started = draw(optional(st.dates(dt.date(1900, 1, 1), completed)))
    entry.update(
        drop_none(
            {
                "started": started,
                "provider": draw(optional(text)),
                "institution": draw(
                    optional(st.sampled_from(["Cardiff University", "Harvard", "Oxford", "Saxion"]))
                ),
                "days": draw(optional(st.integers(0, 1000))),
                "nlqf": draw(optional(st.integers(1, 8))),
                "epas": draw(optional(st.lists(st.sampled_from(EPAS), max_size=2))),
                "placement_palliative_share": draw(optional(shares)),
                "assessment": draw(optional(st.booleans())),
                "field": draw(
                    optional(st.sampled_from(["palliatieve-zorg", "oncologie", "acute-zorg"]))
                ),
            }
        )
    )
    return entry


@st.composite
def employment(draw: st.DrawFn) -> dict[str, Any]:
    start = draw(any_date)
    return drop_none(
        {
            "employer": draw(optional(text)),
            "role": draw(optional(text)),
            "setting": draw(optional(st.sampled_from(SETTINGS))),
            "from": start,
            "to": draw(optional(st.dates(start, dt.date(2199, 12, 31)))),
            "fte": draw(optional(st.floats(0.0, 2.0, exclude_min=True))),
            "palliative_patient_share": draw(optional(shares)),
            "palliative_fte_share": draw(optional(shares)),
        }
    )


@st.composite
def activity(draw: st.DrawFn) -> dict[str, Any]:
    entry: dict[str, Any] = {"kind": draw(st.sampled_from(ACTIVITY_KINDS))}
    if draw(st.booleans()):
        entry["date"] = draw(any_date)
    else:
        entry["from"] = start = draw(any_date)
        end = draw(optional(st.dates(start, dt.date(2199, 12, 31))))
        if end is not None:
            entry["to"] = end
    entry.update(
        drop_none(
            {
                "hours": draw(
                    optional(st.one_of(st.integers(0, 100_000), st.floats(0.0, 100_000.0)))
                ),
                "accredited": draw(optional(st.booleans())),
                "domains": draw(optional(st.lists(st.sampled_from(DOMAINS), max_size=4))),
                "description": draw(optional(text)),
            }
        )
    )
    return entry


@st.composite
def portfolios(draw: st.DrawFn) -> dict[str, Any]:
    """A portfolio that follows docs/portfolio-format.md; always with a name and a BIG number."""
    suffix = draw(st.text(alphabet="BCDFGHJKLMNPQRSTVWXZ", min_size=8, max_size=8))
    person = drop_none(
        {
            "name": f"{NAME_PREFIX}{suffix}",
            "profession": draw(st.sampled_from(PROFESSIONS)),
            "specialism": draw(optional(text)),
            "graduated": draw(optional(any_date)),
            "big": {
                "number": draw(st.from_regex(r"\A[1-9][0-9]{10}\Z")),
                "registered": draw(st.booleans()),
            },
            "vakbekwaamheid": draw(optional(st.booleans())),
        }
    )
    data: dict[str, Any] = {"pzspec": "portfolio/1", "person": person}
    if draw(st.booleans()):
        data["target"] = draw(st.sampled_from(PROFILES))
    for key, strategy in (
        ("education", education()),
        ("experience", employment()),
        ("activities", activity()),
    ):
        entries = draw(st.lists(strategy, max_size=4))
        if entries or draw(st.booleans()):
            data[key] = entries
    if draw(st.booleans()):
        data["transition"] = {"portfolio_review": draw(st.booleans())}
    return data


def _examples() -> list[dict[str, Any]]:
    """The example portfolios of the repository: realistic, and many of them eligible."""
    from pzspec.load import yamlio

    folder = Path(__file__).resolve().parent.parent / "examples" / "portfolios"
    found = []
    for path in sorted(folder.glob("*.yaml")):
        found.append(yamlio.parse(path.read_text("utf-8"), str(path)).data)
    return found


EXAMPLES = _examples()
realistic = st.one_of(portfolios(), st.sampled_from(EXAMPLES))


# Values of every YAML type, including the awkward ones.
wild_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(-(10**60), 10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, (*prefix, i))


def at(value: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid portfolio with one to four things broken: keys removed or added, values of
    the wrong type or out of range, entries repeated, scalars wrapped in lists."""
    data: Any = copy.deepcopy(draw(realistic))
    for _ in range(draw(st.integers(1, 4))):
        all_paths = list(paths(data))
        path = draw(st.sampled_from(all_paths))
        op = draw(st.sampled_from(["delete", "replace", "add-key", "duplicate", "wrap", "empty"]))
        parent = at(data, path[:-1]) if path else None
        if op == "delete" and path:
            del parent[path[-1]]  # type: ignore[index]
        elif op == "replace":
            value = draw(wild_values)
            if path:
                parent[path[-1]] = value  # type: ignore[index]
            else:
                data = value
        elif op == "add-key":
            target = at(data, path)
            if isinstance(target, dict):
                target[
                    draw(
                        st.sampled_from(
                            ["nmae", "graduatd", "x", "from", "to", "date", "course", "kind", ""]
                        )
                    )
                ] = draw(wild_values)
        elif op == "duplicate":
            target = at(data, path)
            if isinstance(target, list) and target:
                target.append(target[draw(st.integers(0, len(target) - 1))])
        elif op == "wrap" and path:
            parent[path[-1]] = [at(data, path)]  # type: ignore[index]
        elif op == "empty" and path:
            parent[path[-1]] = {} if draw(st.booleans()) else []  # type: ignore[index]
        if not isinstance(data, dict):
            break
    return data


SNIPPETS = [
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!x ",
    "!!int ",
    "!!str ",
    "|",
    ">",
    "'",
    '"',
    "#",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "\t",
    "\n",
    "  ",
    "? ",
    "<<: ",
    "@",
    "`",
    "\\",
    "\x00",
    "\x1b",
    "\ufeff",
    "\u2028",
    "\x85",
    "é",
    "😀",
    "0x",
    "1e999",
    ".nan",
    "9999-99-99",
    "2021-02-30",
    "~",
    "null",
]


@st.composite
def corrupted(draw: st.DrawFn) -> str:
    """The YAML text of a valid portfolio, then edited as a careless or hostile hand would."""
    text = block(draw(realistic))
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, len(text)))
        op = draw(
            st.sampled_from(
                ["insert", "delete", "replace", "dup-line", "swap-lines", "truncate", "random"]
            )
        )
        if op == "insert":
            text = text[:pos] + draw(st.sampled_from(SNIPPETS)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 20)) :]
        elif op == "replace" and pos < len(text):
            text = text[:pos] + draw(st.sampled_from(SNIPPETS)) + text[pos + 1 :]
        elif op in ("dup-line", "swap-lines"):
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if op == "dup-line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == "truncate":
            text = text[:pos]
        elif op == "random":
            text = text[:pos] + draw(st.text(max_size=8)) + text[pos:]
    return text


# --- running pzspec --------------------------------------------------------------------
@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="pzspec-props-") as name:
        yield Path(name)


def run(path: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["check", str(path), "--as-of", AS_OF, *args], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        raise AssertionError(f"escaped: {type(exc).__name__}: {exc}") from exc
    out, err = result.stdout, result.stderr
    assert result.exit_code in (0, 1, 2, 3), f"exit {result.exit_code}: {err}"
    assert "Traceback" not in out + err
    if result.exit_code == 2:
        if "json" in args:  # an unusable file has an entry: its file and the error
            assert json.loads(out)["error"]["message"]
        else:
            assert out == ""
        assert err, "exit 2 without a message"
        for line in err.splitlines():
            assert line.startswith(str(path)), line
    else:
        assert err == ""
    return result.exit_code, out, err


def write(folder: Path, content: str | bytes) -> Path:
    path = folder / "portfolio.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def checked_json(path: Path, *args: str) -> tuple[int, Any]:
    code, out, _ = run(path, "--format", "json", *args)
    if code == 2:
        return code, None
    data = json.loads(out)
    VALIDATOR.validate(data)
    assert EXIT_OF[data["verdict"]] == code
    return code, data


def secrets(data: dict[str, Any]) -> list[str]:
    person = data.get("person") if isinstance(data, dict) else None
    if not isinstance(person, dict):
        return []
    found = []
    if isinstance(person.get("name"), str) and person["name"].startswith(NAME_PREFIX):
        found.append(person["name"])
    big = person.get("big")
    if isinstance(big, dict) and isinstance(big.get("number"), str) and len(big["number"]) == 11:
        found.append(big["number"])
    return found


# --- the properties --------------------------------------------------------------------
@fuzzed
@given(portfolio=realistic)
def test_valid_portfolio_gets_a_verdict(folder: Path, portfolio: dict[str, Any]) -> None:
    count("test_valid_portfolio_gets_a_verdict")
    code, data = checked_json(write(folder, block(portfolio)))
    assert code in (0, 1, 3)
    assert data["file"].endswith("portfolio.yaml")


@fuzzed
@given(portfolio=realistic, seed=st.integers(0, 2**32 - 1))
def test_result_ignores_key_order_comments_and_style(
    folder: Path, portfolio: dict[str, Any], seed: int
) -> None:
    count("test_result_ignores_key_order_comments_and_style")
    rng = random.Random(seed)
    _, plain = checked_json(write(folder, block(portfolio)))
    variant = with_comments(block(shuffled(portfolio, rng), rng=rng), rng)
    _, other = checked_json(write(folder, variant))
    assert other["verdict"] == plain["verdict"]
    assert [(r["id"], r["status"]) for r in other["requirements"]] == [
        (r["id"], r["status"]) for r in plain["requirements"]
    ]
    assert other == plain


@fuzzed
@given(data=mutated(), lang=st.sampled_from(["nl", "en"]))
def test_broken_portfolio_is_handled(folder: Path, data: Any, lang: str) -> None:
    count("test_broken_portfolio_is_handled")
    path = write(folder, block(data))
    _, out, err = run(path, "--lang", lang, "--format", "json")
    VALIDATOR.validate(json.loads(out))  # a result, or the entry of an unusable file
    for secret in secrets(data):
        assert secret not in err


@fuzzed
@given(text=corrupted())
def test_corrupted_text_is_handled(folder: Path, text: str) -> None:
    count("test_corrupted_text_is_handled")
    run(write(folder, text), "--format", "json")


@fuzzed
@given(content=st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_arbitrary_input_is_handled(folder: Path, content: bytes | str) -> None:
    count("test_arbitrary_input_is_handled")
    run(write(folder, content))


def _formats() -> list[str]:
    from pzspec.cli import check_cmd as cli

    choices = getattr(cli, "CheckFormat", None) or cli.Format
    return [f.value for f in choices]


@fuzzed
@given(portfolio=portfolios(), fmt=st.sampled_from(_formats()))
def test_redact_covers_every_format(folder: Path, portfolio: dict[str, Any], fmt: str) -> None:
    count("test_redact_covers_every_format")
    path = write(folder, block(portfolio))
    code, out, err = run(path, "--redact", "--format", fmt)
    assert code != 2
    for secret in secrets(portfolio):
        assert secret not in out
        assert secret not in err
    # nothing from a portfolio can reach a terminal as a control sequence
    assert not CONTROL.search(out), repr(CONTROL.search(out))
    if fmt in ("json", "jsonl"):
        for line in out.splitlines() if fmt == "jsonl" else [out]:
            json.loads(line)
    if fmt == "junit":
        xml.dom.minidom.parseString(out)


def test_unredacted_output_does_show_the_name(folder: Path) -> None:
    """Keeps the redact property honest: without --redact the name is there to hide."""
    portfolio = {
        "pzspec": "portfolio/1",
        "person": {
            "name": f"{NAME_PREFIX}QWRTZ",
            "profession": "hbo-verpleegkundige",
            "graduated": dt.date(2009, 6, 30),
            "big": {"number": "19012345601", "registered": True},
        },
    }
    path = write(folder, block(portfolio))
    for fmt in ("text", "json"):
        _, out, _ = run(path, "--format", fmt)
        assert portfolio["person"]["name"] in out
