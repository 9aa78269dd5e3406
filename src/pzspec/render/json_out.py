"""The JSON result of docs/portfolio-format.md (an object, or an array for several files)."""

from __future__ import annotations

import json
from typing import Any

from pzspec.models.result import CheckResult


def as_dict(result: CheckResult) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    for req in data["requirements"]:
        for key in ("route", "months", "required_months", "window_months", "open_until"):
            if req.get(key) is None:
                req.pop(key, None)
    return data


def render(results: list[CheckResult], *, array: bool) -> str:
    payload: Any = [as_dict(r) for r in results] if array else as_dict(results[0])
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
