"""Shared model settings: strict types, unknown keys refused, immutable after loading.

The model modules do without ``from __future__ import annotations``: pydantic would evaluate
every annotation string when a class is made, a cost of every start (issue 14).
"""

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    # defer_build: a validator is built the first time a model validates, not at import, so a
    # check that takes its rule data from the snapshot never builds the rule-file validators
    model_config = ConfigDict(
        extra="forbid", strict=True, frozen=True, populate_by_name=True, defer_build=True
    )


def empty_list() -> list[Any]:
    """A default of ``[]``. pydantic deep-copies a literal ``[]`` for every instance (about
    1 us each), and reads ``list``'s own signature with the tokenizer when a model is built
    with ``default_factory=list`` (milliseconds at every start): a function of ours costs
    neither (issue 14)."""
    return []


def empty_dict() -> dict[str, Any]:
    """A default of ``{}`` (see ``empty_list``)."""
    return {}


Share = Annotated[float, Field(ge=0.0, le=1.0)]
"""A share between 0 and 1 (0.6 means 60%)."""


class LText(Strict):
    """A text in Dutch with an optional English translation."""

    nl: str
    en: str | None = None

    def get(self, lang: str) -> str:
        return self.en if lang == "en" and self.en else self.nl
