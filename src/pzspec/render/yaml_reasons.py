"""The YAML parser's own reasons (libyaml writes them in English) in the report's words.

The reader passes the reason as libyaml gave it (``err.yaml``, argument ``problem``); here
the known reasons become a sentence from the catalogue, with a hint that says what to do.
A reason not in the list is shown as libyaml wrote it, rather than not at all.
"""

from __future__ import annotations

from pzspec.errors import Problem
from pzspec.messages import Message, msg

# (the start of libyaml's reason, the reason in our words, the hint that gives the fix);
# the first that matches wins, so a longer reason comes before a shorter one it starts with
_REASONS: tuple[tuple[str, str, str | None], ...] = (
    ("did not find expected node content", "yaml.reason.node_content", "yaml.fix.node_content"),
    ("mapping values are not allowed", "yaml.reason.mapping_values", "yaml.fix.mapping_values"),
    ("could not find expected ':'", "yaml.reason.no_colon", "yaml.fix.no_colon"),
    ("found character that cannot start any token", "yaml.reason.bad_start", "yaml.fix.quote"),
    ("found a tab character", "yaml.reason.tab", "hint.tab"),
    ("found unexpected end of stream", "yaml.reason.end_of_stream", "yaml.fix.unclosed"),
    ("did not find expected ',' or ']'", "yaml.reason.open_list", "yaml.fix.open_list"),
    ("did not find expected ',' or '}'", "yaml.reason.open_map", "yaml.fix.open_map"),
    ("did not find expected '-' indicator", "yaml.reason.no_dash", "yaml.fix.no_dash"),
    ("did not find expected key", "yaml.reason.no_key", "yaml.fix.indent"),
    ("block sequence entries are not allowed", "yaml.reason.dash_here", "yaml.fix.dash_here"),
    ("did not find expected <document start>", "yaml.reason.after_end", "yaml.fix.after_end"),
    ("found unexpected document indicator", "yaml.reason.document_marker", "yaml.fix.unclosed"),
    ("found duplicate anchor", "yaml.reason.duplicate_anchor", "yaml.fix.duplicate_anchor"),
    ("found duplicate %YAML directive", "yaml.reason.duplicate_directive", "yaml.fix.directive"),
    ("found incompatible YAML document", "yaml.reason.yaml_version", "yaml.fix.directive"),
    ("found unknown escape character", "yaml.reason.escape", "yaml.fix.escape"),
    (
        "did not find expected alphabetic or numeric character",
        "yaml.reason.anchor_name",
        "yaml.fix.quote",
    ),
    ("did not find expected comment or line break", "yaml.reason.trailing", "yaml.fix.trailing"),
    ("found undefined tag handle", "yaml.reason.tag", "hint.tag"),
)


def _known(problem: object) -> tuple[str, str, str | None] | None:
    if not isinstance(problem, str):
        return None
    text = problem.strip()
    return next((r for r in _REASONS if text.startswith(r[0])), None)


def yaml_reason(problem: object) -> Message | object:
    """libyaml's ``problem`` as a catalogue message when it is a known one, else as it is."""
    found = _known(problem)
    return msg(found[1]) if found else problem


def hint_of(problem: Problem) -> Message | None:
    """The hint to show for ``problem``: for a known YAML reason the fix that goes with it,
    when the reader gave the general YAML hint; else the problem's own hint."""
    message, hint = problem.message, problem.hint
    if not isinstance(message, Message) or message.code != "err.yaml":
        return hint
    found = _known(message.args.get("problem"))
    if found is None or found[2] is None:
        return hint
    if isinstance(hint, Message) and hint.code != "hint.yaml":
        return hint  # the reader's own hint is more precise (a tab in the line)
    return msg(found[2])
