"""The overlay contract (issue 11, point 4): what ``pzspec validate`` accepts, ``check`` can use.

Overlays are generated from the three example overlays in ``docs/examples/`` by meaningful
changes: parameters set to odd values of every type, courses and routes (education and
transition, every one of them) withdrawn or added, added routes with random conditions of
every condition type on random fields and random existing or new parameters, experience
rules per profile, ``on_missing`` / ``on_fail`` / ``outcome`` switched. For each one:

* when ``validate`` accepts it (exit 0), ``check`` of every example portfolio with it on a
  few dates exits 0, 1 or 3 with one JSON line per portfolio (never 2, never 70), and
  ``diff`` against the V&VN example overlay with the portfolios exits 0 (``--fail-on none``);
* when ``validate`` refuses it (exit 2), ``check --rules`` refuses it too, with the same first
  problem line: the two agree.

``PZSPEC_CONTRACT_EXAMPLES`` sets the number of examples (default 40); a bug hunt uses
thousands.
"""

from __future__ import annotations

import atexit
import copy
import datetime as dt
import json
import os
import shutil
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.conditions import TYPES
from pzspec.conditions.fields import CONDITION_FIELDS
from pzspec.load import yamlio
from pzspec.load.catalog import shipped_sources
from pzspec.models.rules import RuleSet
from tests.conftest import ROOT

runner = CliRunner()
EXAMPLES = ROOT / "docs" / "examples"
VVN = EXAMPLES / "overlay-vvn-vig.yaml"
PORTFOLIOS = ROOT / "examples" / "portfolios"
IN_PROGRESS = {
    # the examples have no education in progress; these exercise education-in-progress
    "pz-leergang-lopend.yaml": """
        pzspec: portfolio/1
        person: {profession: mbo-verpleegkundige, graduated: 2010-06-30, big: {registered: true}}
        education:
          - {course: leergang-pz-verpleegkundige, level: post-mbo, started: 2025-01-01,
             completed: 2026-06-30, days: 21, epas: [LZ-FO-1, LZ-FO-2], assessment: true}
        experience:
          - {from: 2012-01-01, fte: 0.8, palliative_patient_share: 0.9}
        """,
    "vig-leergang-lopend.yaml": """
        pzspec: portfolio/1
        person: {profession: verzorgende-ig, graduated: 2001-01-31, big: {registered: false}}
        education:
          - {name: Leergang, kind: leergang-pz, started: 2024-09-01, completed: 2028-12-31,
             days: 12}
          - {name: Verdieping, kind: aanvullende-scholing-pz, started: 2025-06-01,
             completed: 2030-03-01}
        experience:
          - {from: 2015-01-01, fte: 1, palliative_patient_share: 0.6, palliative_fte_share: 0.6}
        """,
    "arts-kader-lopend.yaml": """
        pzspec: portfolio/1
        person: {profession: arts, graduated: 1990-01-01, big: {registered: true}}
        education:
          - {course: kaderopleiding-pz, started: 2025-05-31, completed: 2030-03-02}
          - {course: basisscholing-pz, started: 2025-01-01, completed: 2026-01-02}
        experience:
          - {from: 2000-01-01, to: 2025-12-31, fte: 1, palliative_patient_share: 0.5}
        """,
}
N_PORTFOLIOS = len(list(PORTFOLIOS.glob("*.yaml"))) + len(IN_PROGRESS)
DATES = ("2025-06-01", "2026-01-01", "2030-03-01")
BASES = [yamlio.load(p).data for p in sorted(EXAMPLES.glob("overlay-*.yaml"))]
RULES = next(s.model for s in shipped_sources() if isinstance(s.model, RuleSet))

KNOWN: dict[str, str] = {p.id: p.kind for p in RULES.parameters}
PARAM_TYPES = ["months", "days", "count", "share", "nlqf", "date", "codes"]
COURSES = [c.id for c in RULES.courses] + ["leergang-pz-vig", "nieuwe-cursus"]
KINDS = [k.id for k in RULES.course_kinds] + ["geen-soort"]
PROFILES = list(RULES.profiles)
PROFESSIONS = [p.id for p in RULES.professions]
EDU_ROUTES = {pid: [r.id for r in pr.education.routes] for pid, pr in RULES.profiles.items()}
TAKEN_IDS = [r.id for r in RULES.defaults.transition.routes] + ["leergang", "lopende-opleiding"]
FIELDS = [
    "days",
    "nlqf",
    "epas",
    "level",
    "completed",
    "started",
    "assessment",
    "placement_palliative_share",
    "field",
    "kind",
    "course",
    "name",
    "provider",
    "institution",
    "person.graduated",
    "person.profession",
    "person.specialism",
    "person.vakbekwaamheid",
    "person.big",
    "person.big.registered",
    "person.big.number",
    "person.name",
    "transition.portfolio_review",
    "transition",
    "person",
    "onbekend-veld",
]

dates = st.dates(dt.date(1890, 1, 1), dt.date(2210, 12, 31))
odd_values = st.one_of(
    st.sampled_from([0, 1, -1, -5, 2, 5, 8, 9, 12, 24, 36, 60, 1000, 1200, 1201, 10**9]),
    st.integers(-(10**6), 10**6),
    st.booleans(),
    st.sampled_from([0.0, 0.25, 0.5, 1.0, 2.5, -0.1, 1e300]),
    st.floats(-2, 2, allow_nan=False),
    dates,
    st.sampled_from(["", "24", "2026-01-01", "ja", "LZ-FO-1"]),
    st.lists(st.sampled_from(["LZ-FO-1", "LZ-FO-2", "", " ", "x"]), max_size=3),
    st.just([1, 2]),
    st.none(),
)
FITTING: dict[str, st.SearchStrategy[Any]] = {
    "months": st.one_of(st.sampled_from([1, 2, 12, 24, 60, 1199, 1200]), st.integers(1, 1200)),
    "days": st.one_of(st.sampled_from([1, 9, 12, 21, 1000]), st.integers(1, 1000)),
    "count": st.one_of(st.sampled_from([0, 1, 3, 16, 17, 1000]), st.integers(0, 1000)),
    "share": st.one_of(st.sampled_from([0, 1, 0.0, 1.0, 0.5]), st.floats(0, 1)),
    "nlqf": st.integers(1, 8),
    "date": st.one_of(
        st.sampled_from([dt.date(1900, 1, 1), dt.date(2199, 12, 31), dt.date(2026, 1, 1)]),
        st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    ),
    "codes": st.lists(st.sampled_from(["LZ-FO-1", "LZ-FO-2", "X"]), max_size=3),
}
WANT = {
    "number": ["months", "days", "count", "share", "nlqf"],
    "months": ["months"],
    "date": ["date"],
    "share": ["share"],
    "count": ["count"],
}
ltext = st.just({"nl": "tekst {experience.min-months}", "en": "text"})
Known = dict[str, str]


def value_for(draw: st.DrawFn, kind: str) -> Any:
    """Mostly a value that fits ``kind`` (extremes included), sometimes any odd value."""
    return draw(FITTING.get(kind, odd_values) if draw(st.integers(0, 3)) else odd_values)


def ref(draw: st.DrawFn, known: Known, want: str) -> str:
    """Mostly a parameter of the kind the place needs, sometimes any or an unknown one."""
    fitting = sorted(pid for pid, kind in known.items() if kind in WANT[want])
    if fitting and draw(st.integers(0, 7)):
        return draw(st.sampled_from(fitting))
    return draw(st.sampled_from([*sorted(known), "nieuw.onbekend"]))


def _cond_base(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if draw(st.booleans()):
        out["on_missing"] = draw(st.sampled_from(["unmet", "review", "met"]))
    if draw(st.booleans()):
        out["on_fail"] = draw(st.sampled_from(["unmet", "review"]))
    if draw(st.integers(0, 3)) == 0:
        out["label"] = draw(ltext)
    return out


LEAVES = [
    "min",
    "below",
    "before",
    "includes",
    "equals",
    "in",
    "experience-months",
    "education-in-progress",
]


def condition(draw: st.DrawFn, known: Known, depth: int = 0) -> dict[str, Any]:
    kind = draw(st.sampled_from(LEAVES + (["all-of", "any-of", "when"] if depth < 2 else [])))
    c: dict[str, Any] = {"type": kind, **_cond_base(draw)}
    fitting = [
        f for f, t in CONDITION_FIELDS.items() if kind in TYPES and t in TYPES[kind].compares
    ]
    field = st.sampled_from(FIELDS if not fitting or not draw(st.integers(0, 5)) else fitting)
    if kind in ("min", "below"):
        c["field"] = draw(field)
        if draw(st.booleans()):
            c["param"] = ref(draw, known, "number")
        else:
            c["value"] = draw(st.one_of(st.integers(-5, 100), st.floats(0, 1)))
        if kind == "min" and draw(st.integers(0, 4)) == 0:
            c["fallback"] = "employment-fte-share-during-course"
    elif kind == "before":
        c["field"] = draw(field)
        c["param"] = ref(draw, known, "date")
    elif kind in ("includes", "in"):
        c["field"] = draw(field)
        c["values"] = draw(
            st.lists(st.sampled_from(["LZ-FO-1", "post-hbo", "arts", "leergang-pz"]), max_size=2)
        )
    elif kind == "equals":
        c["field"] = draw(field)
        c["value"] = draw(st.one_of(st.booleans(), st.integers(0, 30), st.sampled_from(["arts"])))
    elif kind == "experience-months":
        c["min"] = ref(draw, known, "months")
        if draw(st.booleans()):
            c["window"] = ref(draw, known, "months")
    elif kind == "education-in-progress":
        c["by"] = ref(draw, known, "date")
    elif kind in ("all-of", "any-of"):
        c["conditions"] = [
            condition(draw, known, depth + 1) for _ in range(draw(st.integers(0, 3)))
        ]
    else:
        c["if"] = condition(draw, known, depth + 1)
        c["then"] = condition(draw, known, depth + 1)
    return c


def route(draw: st.DrawFn, known: Known, transition: bool, n: int) -> dict[str, Any]:
    r: dict[str, Any] = {
        "id": f"nieuw-{n}" if draw(st.integers(0, 7)) else draw(st.sampled_from(TAKEN_IDS)),
        "label": draw(ltext),
        "source": "Voorbeeld: besluit, artikel 9",
        "missing": draw(ltext),
        "conditions": [condition(draw, known) for _ in range(draw(st.integers(0, 3)))],
    }
    if draw(st.booleans()):
        r["outcome"] = draw(st.sampled_from(["met", "review"]))
    if transition and draw(st.integers(0, 2)) == 0:
        r["conditions"].append({"type": "education-in-progress", "by": ref(draw, known, "date")})
    if transition:
        r["forms"] = draw(
            st.lists(
                st.sampled_from(
                    ["graduation-cutoff", "experience-cutoff", "portfolio", "additional-education"]
                ),
                max_size=2,
                unique=True,
            )
        )
    if not transition or draw(st.integers(0, 5)) == 0:
        r["entry"] = {
            "courses": draw(st.lists(st.sampled_from(COURSES), max_size=2)),
            "kinds": draw(st.lists(st.sampled_from(KINDS), max_size=2)),
        }
    if draw(st.integers(0, 3)) == 0:
        r["professions"] = draw(st.lists(st.sampled_from(PROFESSIONS), min_size=1, max_size=2))
    if draw(st.integers(0, 5)) == 0:
        r["provisional"] = draw(ltext)
    return r


def _profile(data: dict[str, Any], pid: str) -> dict[str, Any]:
    profiles = data.setdefault("profiles", {})
    return profiles.setdefault(pid, {})  # type: ignore[no-any-return]


def _changes(holder: dict[str, Any], key: str) -> dict[str, Any]:
    return holder.setdefault(key, {})  # type: ignore[no-any-return]


def _walk_conditions(data: Any) -> list[dict[str, Any]]:
    """Every condition (a mapping with a ``type``) and route (with ``missing``) in ``data``."""
    out: list[dict[str, Any]] = []
    if isinstance(data, dict):
        if ("type" in data and "id" not in data) or "missing" in data:
            out.append(data)
        for value in data.values():
            out += _walk_conditions(value)
    elif isinstance(data, list):
        for value in data:
            out += _walk_conditions(value)
    return out


ACTIONS = [
    "set",
    "new-param",
    "withdraw-course",
    "add-course",
    "withdraw-route",
    "add-route",
    "withdraw-transition",
    "add-transition",
    "experience",
    "practice",
    "switch",
    "valid-from",
]


def _act(draw: st.DrawFn, data: dict[str, Any], known: Known, action: str, n: int) -> None:
    if action == "set":
        pid = draw(st.sampled_from([*sorted(known), "nieuw.onbekend"]))
        value = value_for(draw, known.get(pid, ""))
        data.setdefault("set", {})[pid] = {"value": value, "source": "Besluit 1"}
    elif action == "new-param":
        kind = draw(st.sampled_from(PARAM_TYPES))
        param: dict[str, Any] = {
            "id": f"nieuw.{kind}-{n}",
            "value": value_for(draw, kind),
            "basis": draw(st.sampled_from(["stated", "provisional", "delphi"])),
            "source": "Besluit 2",
            "description": {"nl": "nieuw", "en": "new"},
        }
        if draw(st.integers(0, 5)):
            param["type"] = kind
        else:
            param["unit"] = draw(st.sampled_from(["maanden", "lesdagen", "aandeel", "x"]))
        data.setdefault("parameters", []).append(param)
        known[param["id"]] = kind
    elif action == "withdraw-course":
        courses = _changes(data, "courses")
        courses.setdefault("withdraw", []).append(draw(st.sampled_from(COURSES)))
    elif action == "add-course":
        course: dict[str, Any] = {
            "id": f"nieuwe-cursus-{n}" if draw(st.integers(0, 5)) else COURSES[0],
            "name": "Nieuwe cursus",
            "kind": draw(st.sampled_from(KINDS)),
            "description": {"nl": "nieuw"},
            "source": "Besluit 3",
        }
        if draw(st.booleans()):
            course["days"] = draw(st.integers(0, 40))
        if draw(st.booleans()):
            course["nlqf"] = draw(st.integers(1, 8))
        if draw(st.booleans()):
            course["epas"] = ["LZ-FO-1", "LZ-FO-2"]
        _changes(data, "courses").setdefault("add", []).append(course)
    elif action == "withdraw-route":
        pid = draw(st.sampled_from(PROFILES))
        choices = EDU_ROUTES[pid] or ["nieuw"]
        gone = draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
        _changes(_profile(data, pid), "routes").setdefault("withdraw", []).extend(gone)
    elif action == "add-route":
        pid = draw(st.sampled_from(PROFILES))
        added = route(draw, known, False, n)
        _changes(_profile(data, pid), "routes").setdefault("add", []).append(added)
    elif action in ("withdraw-transition", "add-transition"):
        pid = draw(st.sampled_from([None, *PROFILES]))
        holder = data if pid is None else _profile(data, pid)
        changes = _changes(_changes(holder, "transition"), "routes")
        if action == "withdraw-transition":
            every = draw(st.booleans())
            base = [r.id for r in RULES.defaults.transition.routes]
            gone = base if every else draw(st.lists(st.sampled_from(base), min_size=1, unique=True))
            changes["withdraw"] = sorted(set(changes.get("withdraw", [])) | set(gone))
        else:
            changes.setdefault("add", []).append(route(draw, known, True, n))
    elif action == "experience":
        _profile(data, draw(st.sampled_from(PROFILES)))["experience"] = {
            "min_months": ref(draw, known, "months"),
            "window_months": ref(draw, known, "months"),
            "patient_share": ref(draw, known, "share"),
            "fte_share": ref(draw, known, "share"),
            "source": "Besluit 4",
        }
    elif action == "practice":
        pid = draw(st.sampled_from(PROFILES))
        _profile(data, pid)["practice_min_kinds"] = ref(draw, known, "count")
    elif action == "switch":
        found = _walk_conditions(data)
        if found:
            target = draw(st.sampled_from(found))
            if "missing" in target:
                target["outcome"] = draw(st.sampled_from(["met", "review"]))
            else:
                key = draw(st.sampled_from(["on_missing", "on_fail"]))
                values = ["unmet", "review", "met"] if key == "on_missing" else ["unmet"]
                target[key] = draw(st.sampled_from([*values, "review"]))
    else:
        data["valid_from"] = draw(st.dates(dt.date(2025, 1, 1), dt.date(2031, 1, 1)))


@st.composite
def overlays(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(BASES)))
    known = dict(KNOWN) | {p["id"]: p.get("type") or "days" for p in data.get("parameters", [])}
    for n in range(draw(st.integers(1, 5))):
        _act(draw, data, known, draw(st.sampled_from(ACTIONS)), n)
    return data


def _yaml(value: Any) -> str:
    """Flow-style YAML with dates as dates (JSON alone would make them text)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def _write(tmp: Path, data: dict[str, Any]) -> Path:
    path = tmp / "overlay.yaml"
    path.write_text(_yaml(data) + "\n", encoding="utf-8")
    return path


def _first_error(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln and "[waarschuwing]" not in ln]
    return lines[0] if lines else ""


def _in_progress_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="pzspec-contract-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name, text in IN_PROGRESS.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


LOPEND = _in_progress_folder()


def assert_contract(path: Path) -> int:
    """The contract for the overlay at ``path``; the exit status of ``validate``."""
    checked = runner.invoke(app, ["validate", str(path)])
    assert checked.exit_code in (0, 2), (checked.exit_code, checked.stderr)
    if checked.exit_code == 2:
        first = _first_error(checked.stderr)
        assert first.startswith(str(path)), checked.stderr
        for day in DATES[:1]:
            args = ["check", str(PORTFOLIOS), str(LOPEND), "--rules", str(path), "--as-of", day]
            used = runner.invoke(app, [*args, "--format", "jsonl", "--jobs", "1"])
            assert used.exit_code == 2, (day, used.exit_code, checked.stderr, used.stderr)
            assert _first_error(used.stderr) == first, (checked.stderr, used.stderr)
        return 2
    for day in DATES:
        args = ["check", str(PORTFOLIOS), str(LOPEND), "--rules", str(path), "--as-of", day]
        used = runner.invoke(app, [*args, "--format", "jsonl", "--jobs", "1"])
        assert used.exit_code in (0, 1, 3), (day, used.exit_code, used.stderr)
        lines = used.stdout.splitlines()
        assert len(lines) == N_PORTFOLIOS, (day, used.stdout[-2000:], used.stderr)
        for line in lines:
            assert json.loads(line)["verdict"], line
    sides = ["diff", str(VVN), str(path), "--fail-on", "none"]
    diffed = runner.invoke(
        app, [*sides, "--portfolios", str(PORTFOLIOS), "--portfolios", str(LOPEND)]
    )
    assert diffed.exit_code == 0, (diffed.exit_code, diffed.stderr)
    return 0


@settings(
    max_examples=int(os.environ.get("PZSPEC_CONTRACT_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(overlays())
def test_what_validate_accepts_check_can_use(tmp_path_factory: Any, data: dict[str, Any]) -> None:
    assert_contract(_write(tmp_path_factory.mktemp("contract"), data))


def test_the_example_overlays_keep_the_contract(tmp_path: Path) -> None:
    for base in BASES:
        assert assert_contract(_write(tmp_path, base)) == 0


# --- what the contract found: each one exited 70 (or looped) before validate refused it ---
REGRESSION_PORTFOLIO = """\
pzspec: portfolio/1
person: {profession: verzorgende-ig, graduated: 2010-01-01, big: {registered: false}}
education:
  - {name: Leergang, kind: leergang-pz, started: 2025-01-01, completed: 2027-01-01, days: 21}
  - {name: Leergang, kind: leergang-pz, completed: 2024-01-01, days: 14}
experience:
  - {from: 2015-01-01, fte: 1, palliative_patient_share: 0.8}
"""
HEAD = """\
pzspec: overlay/1
id: regressie
extends: "2025-03"
title: t
publisher: p
valid_from: 2025-06-01
source: s
parameters:
  - {id: x.by, type: date, value: 2029-12-31, basis: stated, source: s, description: {nl: d}}
"""


def _vig_route(condition: str) -> str:
    route = "{id: r, label: {nl: l}, source: s, missing: {nl: m}, "
    route += f"entry: {{kinds: [leergang-pz]}}, conditions: [{condition}]}}"
    return HEAD + f"profiles:\n  vig:\n    routes:\n      add: [{route}]\n"


IN_PROGRESS = "{type: education-in-progress, by: x.by}"
TRANSITION_IN_PROGRESS = (
    "transition:\n  routes:\n    add:\n"
    f"      - {{id: lopend, label: {{nl: l}}, source: s, missing: {{nl: m}}, "
    f"conditions: [{IN_PROGRESS}]}}\n"
)


@pytest.mark.parametrize(
    ("overlay", "message"),
    [
        # comparing a whole number with a date (or text with a number) raised TypeError
        (
            _vig_route("{type: before, field: days, param: transition.graduated-before}"),
            "veld 'days' bevat een getal; een voorwaarde 'before' kan dat niet vergelijken",
        ),
        (
            _vig_route("{type: min, field: kind, value: 3}"),
            "veld 'kind' bevat tekst; een voorwaarde 'min' kan dat niet vergelijken",
        ),
        (
            _vig_route("{type: includes, field: days, values: [a]}"),
            "veld 'days' bevat een getal; een voorwaarde 'includes' kan dat niet vergelijken",
        ),
        (
            _vig_route("{type: below, field: person.big.registered, value: 1}"),
            "veld 'person.big.registered' bevat ja of nee (true/false); een voorwaarde 'below' kan dat niet",
        ),
        # a typing error in a field name was silently "not given" for everyone
        (_vig_route("{type: min, field: dayz, value: 3}"), "onbekende veldnaam 'dayz'"),
        # personal data is not a field a condition may look at
        (_vig_route("{type: equals, field: person.name, value: x}"), "onbekende veldnaam"),
        # text never equals true: the route could never hold
        (
            _vig_route("{type: equals, field: level, value: true}"),
            "veld 'level' bevat tekst; deze waarde kan daar nooit gelijk aan zijn",
        ),
        # in an education route it asked the education requirement about itself: RecursionError
        (
            _vig_route(IN_PROGRESS) + TRANSITION_IN_PROGRESS,
            "'education-in-progress' hoort alleen in een route van de overgangsregeling",
        ),
    ],
)
def test_validate_refuses_what_check_could_not_use(
    tmp_path: Path, overlay: str, message: str
) -> None:
    rules = tmp_path / "overlay.yaml"
    rules.write_text(overlay, encoding="utf-8")
    portfolio = tmp_path / "portfolio.yaml"
    portfolio.write_text(REGRESSION_PORTFOLIO, encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(rules)])
    assert checked.exit_code == 2, checked.stderr
    assert message in checked.stderr, checked.stderr
    args = ["check", str(portfolio), "--rules", str(rules), "--as-of", "2026-01-01"]
    used = runner.invoke(app, args)
    assert used.exit_code == 2, used.stderr
    assert _first_error(used.stderr) == _first_error(checked.stderr)


def test_education_in_progress_in_a_transition_route_is_fine(tmp_path: Path) -> None:
    rules = tmp_path / "overlay.yaml"
    rules.write_text(_vig_route("{type: min, field: days, value: 20}") + TRANSITION_IN_PROGRESS)
    portfolio = tmp_path / "portfolio.yaml"
    portfolio.write_text(REGRESSION_PORTFOLIO, encoding="utf-8")
    assert runner.invoke(app, ["validate", str(rules)]).exit_code == 0
    args = ["check", str(portfolio), "--rules", str(rules), "--as-of", "2026-01-01"]
    used = runner.invoke(app, [*args, "--format", "json"])
    assert used.exit_code in (0, 1, 3), used.stderr
    transition = next(r for r in json.loads(used.stdout)["requirements"] if r["id"] == "transition")
    assert transition["status"] == "met", transition


def test_education_in_progress_never_loops(book: Any) -> None:
    """Rule data built in code, past validate: the engine still does not recurse."""
    from pzspec.evaluate import engine
    from pzspec.load import loader
    from pzspec.load.catalog import RuleBook
    from pzspec.models.base import LText
    from pzspec.models.rules import EducationInProgress, EntryMatch, Parameter, Route

    rules = book.rules
    cond = EducationInProgress(type="education-in-progress", by="x.by")
    route = Route(
        id="r",
        label=LText(nl="l"),
        source="s",
        missing=LText(nl="m"),
        entry=EntryMatch(kinds=["leergang-pz"]),
        conditions=[cond],
    )
    by = Parameter(
        id="x.by",
        type="date",
        value=dt.date(2029, 12, 31),
        basis="stated",
        source="s",
        description=LText(nl="d"),
    )
    vig = rules.profiles["vig"]
    vig = vig.model_copy(
        update={
            "education": vig.education.model_copy(update={"routes": [route]}),
            "transition": rules.defaults.transition.model_copy(update={"routes": [route]}),
        }
    )
    changed = rules.model_copy(
        update={"parameters": [*rules.parameters, by], "profiles": {**rules.profiles, "vig": vig}}
    )
    looping = RuleBook(changed, book.profiles, book.file, book.sets)
    doc = yamlio.parse(REGRESSION_PORTFOLIO, "p.yaml")
    portfolio = loader.parse_portfolio(doc, changed, {})
    result = engine.evaluate(portfolio, looping, dt.date(2026, 1, 1), "p.yaml")
    assert result.verdict == "not-eligible"


def test_validate_checks_a_profiles_own_transition_routes(tmp_path: Path) -> None:
    """A rules/1 file's per-profile transition routes were not checked at all."""
    data_dir = ROOT / "data"
    shutil.copytree(data_dir / "profiles", tmp_path / "profiles")
    rules = yamlio.load(data_dir / "rules" / "2025-03.yaml").data
    own = copy.deepcopy(rules["defaults"]["transition"])
    own["routes"][0]["conditions"][0]["param"] = "transition.graduated-beforx"
    rules["profiles"]["vig"]["transition"] = own
    (tmp_path / "rules.yaml").write_text(_yaml(rules) + "\n", encoding="utf-8")
    checked = runner.invoke(app, ["validate", "--no-default-rules", str(tmp_path)])
    assert checked.exit_code == 2, checked.stderr
    assert "onbekende parameter 'transition.graduated-beforx'" in checked.stderr
