"""Which rules a set of expectations exercises (``pzspec test --coverage``, issue 18).

A rule is *decisive* in a test when the check used it for a requirement that decided the
verdict, or for a requirement whose status the expectation names: the route chosen for the
requirement (``requirement.route``), that route's transition forms and condition types, and
the parameters the requirement lists. Every route, form, condition type and parameter of the
rule books in force appears, with the number of tests in which it was decisive (0: never).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pzspec.conditions import walk
from pzspec.conditions.base import kind_of
from pzspec.load.catalog import RuleBook
from pzspec.models.result import CheckResult
from pzspec.models.rules import Condition, Registration, Route


def condition_types(conditions: Iterable[Condition]) -> set[str]:
    """The types of ``conditions`` and of every condition inside them (any combinator)."""
    return {kind_of(cond).name for cond, _ in walk(conditions, ())}


@dataclass
class Coverage:
    education: Counter[tuple[str, str]] = field(default_factory=Counter)
    transition: Counter[tuple[str, str]] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    conditions: Counter[str] = field(default_factory=Counter)
    parameters: Counter[str] = field(default_factory=Counter)
    _route_forms: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _books: set[int] = field(default_factory=set)

    def add_book(self, book: RuleBook) -> None:
        """Every rule of ``book`` is listed, covered or not."""
        if id(book) in self._books:
            return
        self._books.add(id(book))
        for pid in book.rules.profiles:
            for route in book.profile_rules(pid).education.routes:
                self.education[(pid, route.id)] += 0
                self.conditions.update(dict.fromkeys(condition_types(route.conditions), 0))
            for route in book.transition(pid).routes:
                self.transition[(pid, route.id)] += 0
                self._route_forms[(pid, route.id)] = list(route.forms)
                self.forms.update(dict.fromkeys(route.forms, 0))
                self.conditions.update(dict.fromkeys(condition_types(route.conditions), 0))
        for reg in book.rules.registrations:
            self.conditions.update(dict.fromkeys(condition_types(reg.conditions), 0))
        self.parameters.update(dict.fromkeys(book.params, 0))

    def record(
        self, result: CheckResult, book: RuleBook, requirements: Iterable[str]
    ) -> dict[str, Any]:
        """Count what decided ``result`` for these requirements; returns it (for JSON)."""
        pid = result.profile or ""
        wanted = set(requirements)
        used: dict[str, Any] = {"routes": [], "conditions": set(), "parameters": set()}
        for req in result.requirements:
            if req.id not in wanted:
                continue
            used["parameters"] |= {p.id for p in req.parameters}
            if req.route is None:
                continue
            route = _route(book, pid, req.id, req.route)
            if route is not None:
                used["conditions"] |= condition_types(route.conditions)
            if req.id == "education" and pid:
                self.education[(pid, req.route)] += 1
                used["routes"].append(f"education:{pid}:{req.route}")
            elif req.id == "transition" and pid:
                self.transition[(pid, req.route)] += 1
                used["routes"].append(f"transition:{pid}:{req.route}")
                self.forms.update(route.forms if isinstance(route, Route) else [])
        self.conditions.update(used["conditions"])
        self.parameters.update(used["parameters"])
        return {
            "routes": used["routes"],
            "conditions": sorted(used["conditions"]),
            "parameters": sorted(used["parameters"]),
        }

    def as_dict(self) -> dict[str, Any]:
        def rows(counter: Counter[str], key: str) -> list[dict[str, Any]]:
            return [{key: k, "tests": n, "covered": n > 0} for k, n in sorted(counter.items())]

        sections = {
            "education_routes": [
                {"profile": p, "route": r, "tests": n, "covered": n > 0}
                for (p, r), n in sorted(self.education.items())
            ],
            "transition_routes": [
                {
                    "profile": p,
                    "route": r,
                    "forms": self._route_forms.get((p, r), []),
                    "tests": n,
                    "covered": n > 0,
                }
                for (p, r), n in sorted(self.transition.items())
            ],
            "transition_forms": rows(self.forms, "form"),
            "condition_types": rows(self.conditions, "type"),
            "parameters": rows(self.parameters, "id"),
        }
        items = [row for section in sections.values() for row in section]
        return {
            **sections,
            "summary": {
                "covered": sum(1 for row in items if row["covered"]),
                "total": len(items),
            },
        }


def _route(book: RuleBook, pid: str, rid: str, route_id: str) -> Route | Registration | None:
    """The route (or registration rule) a requirement names."""
    if rid == "registration":
        return next((r for r in book.rules.registrations if r.id == route_id), None)
    if pid not in book.rules.profiles:
        return None
    if rid == "education":
        routes = book.profile_rules(pid).education.routes
    elif rid == "transition":
        routes = book.transition(pid).routes
    else:
        return None
    return next((r for r in routes if r.id == route_id), None)
