"""The one list of condition types, and the discriminated union rule files are read with.

Adding a condition type: write one module that declares its model and a ``ConditionType``
(see ``minimum.py``), and add it to ``BUILTIN`` below (docs/rules-format.md). ``register``
adds one at run time (a test, a plug-in) and rebuilds the models that hold conditions
(``holders``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import BaseModel, Field, GetCoreSchemaHandler, GetPydanticSchema
from pydantic_core import CoreSchema

from pzspec.conditions import (
    all_of,
    any_of,
    before,
    below,
    education_in_progress,
    equals,
    experience_months,
    in_,
    includes,
    minimum,
)
from pzspec.conditions import when as when_
from pzspec.conditions.base import TYPES, Cond, ConditionType, ParamRef, Path_, children

BUILTIN: tuple[ConditionType, ...] = (
    minimum.TYPE,
    below.TYPE,
    before.TYPE,
    includes.TYPE,
    equals.TYPE,
    in_.TYPE,
    all_of.TYPE,
    any_of.TYPE,
    when_.TYPE,
    experience_months.TYPE,
    education_in_progress.TYPE,
)

_holders: list[type[BaseModel]] = []


def _union() -> Any:
    models = tuple(t.model for t in TYPES.values())
    return Annotated[Union[models], Field(discriminator="type")]  # noqa: UP007


def _schema(source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The union of the types registered when a model's schema is built (or rebuilt)."""
    return handler(_union())


if TYPE_CHECKING:
    from pzspec.conditions.all_of import AllOf
    from pzspec.conditions.any_of import AnyOf
    from pzspec.conditions.before import BeforeCond
    from pzspec.conditions.below import BelowCond
    from pzspec.conditions.education_in_progress import EducationInProgress
    from pzspec.conditions.equals import EqualsCond
    from pzspec.conditions.experience_months import ExperienceMonths
    from pzspec.conditions.in_ import InCond
    from pzspec.conditions.includes import IncludesCond
    from pzspec.conditions.minimum import MinCond
    from pzspec.conditions.when import When

    Condition = Annotated[
        MinCond
        | BelowCond
        | BeforeCond
        | IncludesCond
        | EqualsCond
        | InCond
        | AllOf
        | AnyOf
        | When
        | ExperienceMonths
        | EducationInProgress,
        Field(discriminator="type"),
    ]
else:
    Condition = Annotated[Cond, GetPydanticSchema(_schema)]
    """Validated as the discriminated union of ``TYPES`` (by ``type``), whatever it holds."""


def _bind() -> None:
    """Let every condition module resolve ``Condition`` when its schema is built."""
    for kind in TYPES.values():
        setattr(sys.modules[kind.model.__module__], "Condition", Condition)  # noqa: B010


def _rebuild() -> None:
    """Give the union of ``TYPES`` to every model that holds conditions.

    Pydantic reuses a nested model's schema when it builds another, so all of them are
    unbuilt first and then built again (inner models first)."""
    _bind()
    models: list[type[BaseModel]] = [k.model for k in TYPES.values()] + _holders
    for model in models:
        for name in ("__pydantic_core_schema__", "__pydantic_validator__"):
            if name in model.__dict__:
                delattr(model, name)
    for model in models:
        model.model_rebuild(force=True)


def holders(*models: type[BaseModel]) -> None:
    """Models that hold conditions (models/rules.py: routes, rule sets, overlays), inner
    ones first: ``register`` rebuilds them."""
    _holders.extend(models)


def register(kind: ConditionType) -> None:
    """Add a condition type (or replace one of the same name) and rebuild the union."""
    TYPES[kind.name] = kind
    _rebuild()


def unregister(name: str) -> None:
    """Remove a condition type added with ``register``."""
    TYPES.pop(name, None)
    _rebuild()


def walk(conds: Iterable[Cond], base: Path_) -> Iterator[tuple[Cond, Path_]]:
    """Every condition, those inside others included, with its path in the file."""
    for i, c in enumerate(conds):
        yield from walk_one(c, (*base, i))


def walk_one(cond: Cond, path: Path_) -> Iterator[tuple[Cond, Path_]]:
    yield cond, path
    for sub, child in children(cond):
        yield from walk_one(child, (*path, *sub))


def param_refs(cond: Cond) -> list[ParamRef]:
    """The parameters a condition names itself."""
    return TYPES[getattr(cond, "type")].params(cond)  # noqa: B009


def param_ids(conds: Iterable[Cond]) -> list[str]:
    """The parameter ids a list of conditions refers to, in order (those inside included)."""
    return [ref.id for c in conds for one, _ in walk_one(c, ()) for ref in param_refs(one)]


for _kind in BUILTIN:
    TYPES[_kind.name] = _kind
# Only the names: the models are built on first use (defer_build), so a start-up that never
# validates rule data builds no validator, and one that does builds each schema once.
_bind()
