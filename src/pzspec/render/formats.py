"""The output formats of ``pzspec check``, in one registry: a name -> a streaming sink.

``sink`` builds the sink for a format (``pzspec.render.batch`` has one class per format);
``render`` words a single outcome or result in any format, for callers that want one string
(the Python API, the web app). The CLI streams many outcomes through the same sinks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

from pzspec.evaluate.batch import Outcome, Tally
from pzspec.models.result import CheckResult
from pzspec.render.i18n import Lang

if TYPE_CHECKING:
    from pzspec.load.catalog import RuleBook
    from pzspec.render.batch import Sink

Format = Literal["text", "json", "jsonl", "html", "markdown", "github", "junit"]
FORMATS: tuple[Format, ...] = get_args(Format)


def sink(
    fmt: Format,
    lang: Lang,
    *,
    array: bool = False,
    color: bool = False,
    width: int = 80,
    summary: bool = False,
    only_summary: bool = False,
    book: RuleBook | None = None,
    rich: bool = False,
    short: bool = False,
    each: bool = False,
) -> Sink:
    """The sink for ``fmt``. ``array``: JSON as an array (several files, or a folder);
    ``summary``/``only_summary``: the text format's closing table; ``book``: the rule book the
    results came from, for the html and markdown documents (profile texts, overlays);
    ``rich``: the text format drawn with rich (a terminal; always with ``color``), else plain
    text; ``short``: the text format's short report (verdict, what is missing, one entry per
    requirement); ``each``: html and markdown as one document per portfolio (its ``piece``)
    instead of one document at the end."""
    from pzspec.render import batch

    match fmt:
        case "text":
            return batch.TextSink(
                lang,
                color=color,
                width=width,
                summary=summary,
                only=only_summary,
                rich=rich,
                short=short,
            )
        case "json":
            return batch.JsonSink(lang, array=array)
        case "jsonl":
            return batch.JsonLinesSink(lang)
        case "github":
            return batch.GithubSink(lang)
        case "junit":
            return batch.JunitSink(lang)
        case "html" | "markdown":
            return batch.DocumentSink(fmt, lang, book, each=each)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render(
    item: Outcome | CheckResult,
    fmt: Format = "text",
    lang: Lang = "nl",
    *,
    book: RuleBook | None = None,
    color: bool = False,
    width: int = 80,
    redact: bool = False,
) -> str:
    """One outcome (or one result) as ``pzspec check -f FMT`` prints it for a single file
    that is not a terminal: text is plain text ``width`` wide (with ``color``: the rich
    report, as in a terminal).

    An outcome with problems gives what that format shows for an unusable file (nothing for
    text, where the CLI prints problems on stderr: word them with
    ``pzspec.render.problems.problem_line``; the ``file`` and ``error`` entry for json and
    jsonl). ``redact`` leaves out name and BIG number and names the file ``portfolio-1``.
    """
    from pzspec.render.batch import Finish, labels

    outcome = item if isinstance(item, Outcome) else Outcome(item.file, result=item)
    out = sink(fmt, lang, color=color, width=width, book=book)
    done = Finish(out, redact=redact, labels=labels([outcome.file]))(outcome)
    tally = Tally()
    tally.add(done)
    return out.add(done) + out.close(tally)
