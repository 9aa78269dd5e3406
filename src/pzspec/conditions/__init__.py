"""Condition types: one module per type, registered in ``registry``.

Each type module declares its pydantic model (the YAML shape), the field types it can
compare, how it is decided (``evaluate`` -> ``Outcome`` with ``Message`` facts), described
(``describe`` -> ``Message``), which parameters it names (with the types they must have)
and which way each parameter and field pulls (``uses``, for ``pzspec diff``). ``validate``,
``check`` and ``diff`` read these declarations; nothing else lists condition types.
"""

from __future__ import annotations

from pzspec.conditions.base import (
    RANK,
    TYPES,
    Book,
    Cond,
    ConditionType,
    Context,
    Decision,
    Issue,
    Joined,
    Outcome,
    ParamRef,
    Use,
    best,
    describe,
    evaluate,
    evaluate_all,
    uses,
)
from pzspec.conditions.fields import FIELDS, FieldName, FieldType, PortfolioField
from pzspec.conditions.registry import (
    Condition,
    param_ids,
    param_refs,
    register,
    unregister,
    walk,
)

__all__ = [
    "FIELDS",
    "RANK",
    "TYPES",
    "Book",
    "Cond",
    "Condition",
    "ConditionType",
    "Context",
    "Decision",
    "FieldName",
    "FieldType",
    "Issue",
    "Joined",
    "Outcome",
    "ParamRef",
    "PortfolioField",
    "Use",
    "best",
    "describe",
    "evaluate",
    "evaluate_all",
    "param_ids",
    "param_refs",
    "register",
    "unregister",
    "uses",
    "walk",
]
