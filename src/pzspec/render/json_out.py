"""The JSON result of docs/portfolio-format.md, one object per portfolio (render/batch.py
writes them as an object, an array or JSON lines)."""

from __future__ import annotations

from typing import Any

from pzspec.models.result import CheckResult


def as_dict(result: CheckResult) -> dict[str, Any]:
    data = result.model_dump(mode="json")
    for req in data["requirements"]:
        for key in ("route", "months", "required_months", "window_months", "open_until"):
            if req.get(key) is None:
                req.pop(key, None)
    return data
