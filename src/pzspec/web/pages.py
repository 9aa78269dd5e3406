"""The pages of the guided form, rendered with jinja2 from ``templates/web/``: every word
comes from the catalogue (``t``) or from the rule data; answers are autoescaped."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

from pzspec import api
from pzspec.render.i18n import tr
from pzspec.web.form_state import Built, State
from pzspec.web.spec import FormSpec

if TYPE_CHECKING:
    import jinja2

STEPS = ("start", "person", "education", "experience", "activities", "transition")
STEP_TITLES = {
    "start": "web.step.start",
    "person": "web.step.person",
    "education": "web.step.education",
    "experience": "web.step.experience",
    "activities": "web.step.activities",
    "transition": "web.step.transition",
}
_OWNED = {
    "start": ("profession", "as_of"),
    "person": ("person.",),
    "education": ("edu-",),
    "experience": ("exp-",),
    "activities": ("act-",),
    "transition": ("transition.",),
}


@functools.cache
def environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(api.templates_dir() / "web")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def page(name: str, lang: api.Lang, **context: Any) -> str:
    def t(code: str, **kw: Any) -> str:
        return tr(lang, code, **kw)

    return (
        environment().get_template(name).render(t=t, lang=lang, step_titles=STEP_TITLES, **context)
    )


def steps_for(spec: FormSpec | None) -> list[str]:
    if spec is None:  # not chosen yet: every step may come
        return list(STEPS)
    return [s for s in STEPS if s != "transition" or spec.transition is not None]


def step_of(name: str) -> str:
    """The step that asks the field ``name``."""
    for step, prefixes in _OWNED.items():
        if any(name == p or (p.endswith((".", "-")) and name.startswith(p)) for p in prefixes):
            return step
    return "start"


def hidden(state: State, step: str) -> list[tuple[str, str]]:
    """The answers of every other step, to carry along in hidden fields."""
    return [(k, v) for k, values in state.items() if step_of(k) != step for v in values]


def form_errors(built: Built, lang: api.Lang) -> dict[str, list[str]]:
    """The form's own problems, worded, per field."""
    return {
        name: [tr(lang, code, **args) for code, args in found]
        for name, found in built.problems.items()
    }


def checker_errors(
    problems: tuple[api.Problem, ...], built: Built, lang: api.Lang
) -> tuple[dict[str, list[str]], list[str]]:
    """The checker's problems in the CLI's words, at the field whose answer is on that
    line (or on the nearest line above it); those on no answer's line go on top."""
    from pzspec.render.problems import problem_text

    at: dict[str, list[str]] = {}
    loose: list[str] = []
    for problem in problems:
        text = problem_text(problem, lang)
        name = _field_at(built, problem.line)
        if name is None:
            loose.append(text)
        else:
            at.setdefault(name, []).append(text)
    return at, loose


def _field_at(built: Built, line: int | None) -> str | None:
    if line is None:
        return None
    above = [n for n in built.lines if n <= line]
    return built.lines[max(above)] if above else None


def result_parts(report_html: str) -> tuple[str, str]:
    """The style sheet and the body of the HTML report, to show inside the result page
    (the report's own markup, escaped by its renderer; its policy becomes the page's)."""
    style = re.search(r"<style>(.*?)</style>", report_html, re.S)
    body = re.search(r"<body>(.*)</body>", report_html, re.S)
    return (style[1] if style else ""), (body[1] if body else report_html)
