"""pzspec's own remark after a source, in the report's language.

A ``source`` in the rule data cites the Basisprofiel in Dutch and may end in a remark of
pzspec's own after " — " ("pzspec kiest een voorlopige maat"). The citation stays as the
source wrote it; a remark this table knows is worded from the catalogue, so that an English
report does not carry Dutch of pzspec's making. A remark it does not know is kept as written.
"""

from __future__ import annotations

from pzspec.render.i18n import Lang, tr

_SEPARATOR = " — "

_NOTES: dict[str, str] = {
    "pzspec kiest een voorlopige maat": "source.note.provisional_measure",
    "pzspec kiest een voorlopige einddatum": "source.note.provisional_end",
    "pzspec neemt de publicatie van het profiel": "source.note.publication",
    "het profiel legt geen termijn vast": "source.note.no_period",
    "(zo ook bij elk profiel) het profiel legt geen termijn vast": "source.note.no_period_all",
    "zo ook bij elk profiel": "source.note.every_profile",
    "criterium genoemd, maat niet vastgelegd": "source.note.criterion_only",
    "het aantal lesdagen legt het profiel niet vast": "source.note.no_days",
    "het aantal is niet vastgelegd": "source.note.no_number",
    "voorkeur uit de Delphi-studie": "source.note.delphi",
    "stand december 2024": "source.note.december_2024",
    "geen register voor artsen": "source.note.no_register_doctors",
    "het profiel noemt voor de verzorgende IG geen opleiding": "source.note.no_course_vig",
    "‘zoals’: de 9-daagse leergang is een voorbeeld": "source.note.example_course",
    "de naam ‘Master Physician Assistant’ is een catalogusnaam van pzspec; de bron noemt de "
    "opleiding van de PA niet bij naam": "source.note.pa_name",
}


def source_text(source: str, lang: Lang) -> str:
    """``source`` with pzspec's remark at its end in ``lang`` (the rule data writes Dutch)."""
    if lang == "nl" or _SEPARATOR not in source:
        return source
    cited, note = source.rsplit(_SEPARATOR, 1)
    code = _NOTES.get(note.strip())
    return f"{cited}{_SEPARATOR}{tr(lang, code)}" if code else source
