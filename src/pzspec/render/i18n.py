"""User-facing words in Dutch (default) and English.

Every sentence pzspec prints comes from the gettext catalogues in ``render/locale``
(``<lang>/LC_MESSAGES/pzspec.mo``, the message code as msgid), read with the standard library;
code and data identifiers stay English. Rule data carries its own texts as
``{nl: ..., en: ...}`` (see ``models.rules.LText``). ``MESSAGES`` below is the source the
``.po`` files are exported from (``python -m pzspec.render.catalogue``, docs/translating.md);
nothing reads it at run time.
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import Any, Literal

from pzspec.render import messages_conds, messages_diffpkg, messages_evalmsg, messages_loadmsg

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

DOMAIN = "pzspec"
LOCALE_DIR = Path(__file__).with_name("locale")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading files -------------------------------------------------------------
    "err.is_dir": ("dit is een map, geen bestand", "this is a folder, not a file"),
    "hint.is_dir": ("geef een .yaml-bestand op", "give a .yaml file"),
    "err.not_found": ("bestand niet gevonden", "file not found"),
    "hint.not_found": ("controleer het pad", "check the path"),
    "err.unreadable": ("bestand kan niet gelezen worden", "file cannot be read"),
    "hint.unreadable": ("controleer de rechten op het bestand", "check the file's permissions"),
    "err.os": ("bestand kan niet gelezen worden: {reason}", "file cannot be read: {reason}"),
    "err.too_large": (
        "bestand is te groot ({size} bytes, de grens is {limit})",
        "file is too large ({size} bytes, the limit is {limit})",
    ),
    "hint.too_large": (
        "een portfolio is klein; zet PZSPEC_MAX_BYTES hoger als dit bestand echt klopt",
        "a portfolio is small; raise PZSPEC_MAX_BYTES if this file really is right",
    ),
    "err.binary": (
        "dit is geen tekstbestand (bevat NUL-bytes)",
        "this is not a text file (NUL bytes)",
    ),
    "hint.binary": ("geef een YAML-bestand op", "give a YAML file"),
    "err.not_utf8": ("tekst is geen geldige UTF-8", "text is not valid UTF-8"),
    "hint.not_utf8": ("sla het bestand op als UTF-8", "save the file as UTF-8"),
    "err.empty": ("bestand is leeg", "file is empty"),
    "hint.empty": (
        "begin met 'pzspec: portfolio/1', of maak een sjabloon met 'pzspec init'",
        "start with 'pzspec: portfolio/1', or make a template with 'pzspec init'",
    ),
    "err.multi_doc": (
        "meer dan één YAML-document in één bestand",
        "more than one YAML document in one file",
    ),
    "hint.multi_doc": (
        "zet elk portfolio in een eigen bestand en verwijder '---'",
        "put each portfolio in a file of its own and remove '---'",
    ),
    "err.yaml": ("YAML-syntaxfout: {problem}", "YAML syntax error: {problem}"),
    "hint.yaml": (
        "controleer inspringing, dubbele punten en aanhalingstekens",
        "check indentation, colons and quotes",
    ),
    "hint.tab": ("gebruik spaties in plaats van tabs", "use spaces instead of tabs"),
    "err.too_deep": ("structuur is te diep genest", "structure is nested too deeply"),
    "hint.too_deep": (
        "een portfolio heeft maar een paar niveaus",
        "a portfolio has only a few levels",
    ),
    "err.too_many_nodes": (
        "bestand heeft te veel elementen (meer dan {limit}, na uitvouwen van aliassen)",
        "file has too many elements (over {limit}, after expanding aliases)",
    ),
    "hint.too_many_nodes": (
        "gebruik geen ankers en aliassen (&, *) om gegevens te herhalen",
        "do not use anchors and aliases (&, *) to repeat data",
    ),
    "err.tag": ("YAML-tag '{tag}' is niet toegestaan", "YAML tag '{tag}' is not allowed"),
    "hint.tag": ("verwijder de tag (begint met !)", "remove the tag (starts with !)"),
    "err.key_type": ("sleutels moeten tekst zijn", "keys must be text"),
    "hint.key_type": (
        "schrijf de sleutel als woord, zoals 'from'",
        "write the key as a word, like 'from'",
    ),
    "err.duplicate_key": ("sleutel '{key}' komt twee keer voor", "key '{key}' occurs twice"),
    "hint.duplicate_key": ("verwijder of hernoem een van beide", "remove or rename one of them"),
    "err.number": ("'{value}' is geen bruikbaar getal", "'{value}' is not a usable number"),
    "hint.number": (
        "gebruik een gewoon getal, zoals 0.6 of 21",
        "use a plain number, like 0.6 or 21",
    ),
    "err.not_finite": (
        "'{value}' is geen eindig getal",
        "'{value}' is not a finite number",
    ),
    "err.datetime": ("'{value}' is geen datum", "'{value}' is not a date"),
    "hint.date": (
        "schrijf een datum als JJJJ-MM-DD, zoals 2021-06-30",
        "write a date as YYYY-MM-DD, like 2021-06-30",
    ),
    "err.bad_date": (
        "'{value}' is een datum die niet bestaat",
        "'{value}' is a date that does not exist",
    ),
    "err.not_regular": (
        "dit is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat)",
        "this is not a regular file (but, say, a pipe or a device)",
    ),
    "hint.not_regular": ("geef een .yaml-bestand op", "give a .yaml file"),
    "err.symlink_loop": (
        "symbolische koppeling wijst (via andere) naar zichzelf",
        "symbolic link points (via others) to itself",
    ),
    "hint.symlink_loop": (
        "controleer waar de koppeling naar wijst (ls -l)",
        "check where the link points (ls -l)",
    ),
    "err.bad_char": (
        "teken U+{code} is niet toegestaan in YAML (een stuurteken)",
        "character U+{code} is not allowed in YAML (a control character)",
    ),
    "hint.bad_char": (
        "verwijder het teken; het komt vaak mee bij kopiëren en plakken",
        "remove the character; it often comes along with copy and paste",
    ),
    "err.control_char": (
        "tekst bevat stuurteken U+{code}",
        "text contains control character U+{code}",
    ),
    "hint.control_char": (
        "verwijder de escape (zoals \\e, \\x1b of \\u001b) voor dit teken",
        "remove the escape (such as \\e, \\x1b or \\u001b) for this character",
    ),
    "err.name_too_long": ("bestandsnaam is te lang", "file name is too long"),
    "err.alias_cycle": (
        "alias '*{name}' verwijst naar zichzelf",
        "alias '*{name}' refers to itself",
    ),
    "err.undefined_alias": (
        "alias '*{name}' verwijst naar een anker dat niet (eerder) bestaat",
        "alias '*{name}' refers to an anchor that does not exist (before it)",
    ),
    "hint.undefined_alias": (
        "definieer eerst '&{name}', of schrijf de waarde uit",
        "define '&{name}' first, or write the value out",
    ),
    "err.merge_key": (
        "samenvoegsleutel '<<' wordt niet ondersteund",
        "merge key '<<' is not supported",
    ),
    "hint.merge_key": ("schrijf de sleutels uit", "write the keys out"),
    "err.tag_value": (
        "'{value}' past niet bij de YAML-tag '{tag}'",
        "'{value}' does not fit the YAML tag '{tag}'",
    ),
    "err.date_range": (
        "'{value}' ligt buiten de jaren {first}-{last}",
        "'{value}' is outside the years {first}-{last}",
    ),
    "hint.date_range": (
        "controleer het jaartal",
        "check the year",
    ),
    # --- trust: folders, output, paths (issue 11) ---
    "err.personal": ("(persoonsgegeven weggelaten)", "(personal data omitted)"),
    "out.err.special": (
        "dit is geen gewoon bestand (maar een pipe, apparaat, socket of een koppeling naar "
        "iets anders dan een gewoon bestand); --force vervangt alleen gewone bestanden",
        "this is not a regular file (but a pipe, a device, a socket or a link to something "
        "other than a regular file); --force replaces regular files only",
    ),
    "out.hint.special": (
        "kies een ander uitvoerbestand, of -o - voor stdout",
        "choose another output file, or -o - for stdout",
    ),
    "out.err": (
        "uitvoer kan niet geschreven worden: {reason}",
        "output cannot be written: {reason}",
    ),
    "out.full": ("schijf vol", "disk full"),
    "out.hint.full": (
        "maak ruimte vrij, of schrijf naar een andere schijf",
        "free some space, or write to another disk",
    ),
    "out.closed": ("uitvoer gesloten", "output closed"),
    "out.hint.closed": (
        "stuur de uitvoer naar een bestand of pipe, of gebruik -o BESTAND",
        "send the output to a file or a pipe, or use -o FILE",
    ),
    "out.encoding": (
        "tekens niet te schrijven in de codering {encoding}",
        "characters cannot be written in the encoding {encoding}",
    ),
    "out.hint.encoding": (
        "zet PYTHONIOENCODING=utf-8, of schrijf naar een bestand met -o (altijd UTF-8)",
        "set PYTHONIOENCODING=utf-8, or write to a file with -o (always UTF-8)",
    ),
    "out.hint.other": (
        "controleer waar de uitvoer heen gaat",
        "check where the output goes",
    ),
    "walk.err.dangling": (
        "symbolische koppeling wijst naar iets dat niet bestaat",
        "symbolic link points to something that does not exist",
    ),
    "walk.hint.dangling": (
        "herstel of verwijder de koppeling (ls -l)",
        "repair or remove the link (ls -l)",
    ),
    "walk.err.to_folder": (
        "symbolische koppeling naar een map; pzspec volgt die niet",
        "symbolic link to a folder; pzspec does not follow it",
    ),
    "walk.hint.to_folder": (
        "geef de map zelf op, of verwijder de koppeling",
        "give the folder itself, or remove the link",
    ),
    "walk.hint.not_regular": (
        "verwijder het uit de map: alleen gewone bestanden worden gelezen",
        "remove it from the folder: only regular files are read",
    ),
    "walk.err.folder_unreadable": ("map kan niet gelezen worden", "folder cannot be read"),
    "walk.err.folder_os": (
        "map kan niet gelezen worden: {reason}",
        "folder cannot be read: {reason}",
    ),
    "walk.hint.folder_unreadable": (
        "controleer de rechten op de map; de bestanden erin zijn niet getoetst",
        "check the folder's permissions; the files in it were not checked",
    ),
    "diff.err.git_path": (
        "onveilige naam in de git-boom: '{path}'",
        "unsafe name in the git tree: '{path}'",
    ),
    "diff.hint.git_path": (
        "een naam als '..', '.', een lege naam of een backslash kan buiten de tijdelijke map "
        "schrijven; pzspec pakt deze revisie niet uit, controleer de tak",
        "a name such as '..', '.', an empty name or a backslash could write outside the "
        "temporary folder; pzspec does not unpack this revision, check the branch",
    ),
    # --- validating files ----------------------------------------------------------
    "err.unknown_key": ("onbekende sleutel '{key}'", "unknown key '{key}'"),
    "hint.did_you_mean": ("bedoelde u '{suggestion}'?", "did you mean '{suggestion}'?"),
    "hint.known_keys": ("toegestaan: {known}", "allowed: {known}"),
    "err.missing_key": ("verplichte sleutel '{key}' ontbreekt", "required key '{key}' is missing"),
    "hint.missing_key": ("voeg '{key}:' toe", "add '{key}:'"),
    "err.wrong_type": (
        "'{key}' moet {expected} zijn, niet {got}",
        "'{key}' must be {expected}, not {got}",
    ),
    "err.bad_value": ("'{key}': {reason}", "'{key}': {reason}"),
    "err.unknown_id": ("onbekende {what} '{value}'", "unknown {what} '{value}'"),
    "err.unknown_id.het": ("onbekend {what} '{value}'", "unknown {what} '{value}'"),
    "hint.choices": ("kies uit: {choices}", "choose from: {choices}"),
    "err.format_version": (
        "onbekende formaatversie '{value}'; deze pzspec leest '{expected}'",
        "unknown format version '{value}'; this pzspec reads '{expected}'",
    ),
    "hint.format_version": (
        "zet bovenaan 'pzspec: {expected}' of werk pzspec bij",
        "put 'pzspec: {expected}' at the top, or upgrade pzspec",
    ),
    "err.not_mapping": (
        "het bestand moet een mapping (sleutel: waarde) zijn",
        "the file must be a mapping (key: value)",
    ),
    "hint.not_mapping": ("begin met 'pzspec: portfolio/1'", "start with 'pzspec: portfolio/1'"),
    "err.ends_before_start": (
        "dienstverband eindigt ({to}) vóór het begint ({start})",
        "employment ends ({to}) before it starts ({start})",
    ),
    "hint.ends_before_start": ("controleer 'from' en 'to'", "check 'from' and 'to'"),
    "err.activity_period": (
        "activiteit heeft 'date' en 'from' tegelijk, of geen van beide",
        "activity has both 'date' and 'from', or neither",
    ),
    "hint.activity_period": (
        "geef één datum ('date') of een periode ('from', eventueel 'to')",
        "give one date ('date') or a period ('from', optionally 'to')",
    ),
    # --- rule parameters: types and ranges (issue 11, point 4) ----------------------
    "err.param_value": (
        "parameter '{id}': de waarde {value} past niet bij het type",
        "parameter '{id}': the value {value} does not fit its type",
    ),
    "err.value_missing": (
        "parameter '{id}': de waarde ontbreekt",
        "parameter '{id}': the value is missing",
    ),
    "hint.value_missing": (
        "geef een waarde achter 'value:'; docs/rules-format.md noemt per type wat past",
        "give a value after 'value:'; docs/rules-format.md says what fits each type",
    ),
    "err.param_type": (
        "parameter '{id}' heeft geen type",
        "parameter '{id}' has no type",
    ),
    "param.want.type": (
        "geef 'type: months', 'days', 'count', 'share', 'nlqf', 'date' of 'codes'",
        "give 'type: months', 'days', 'count', 'share', 'nlqf', 'date' or 'codes'",
    ),
    "param.want.months": (
        "een geheel aantal maanden van 1 tot en met 1200, zonder aanhalingstekens",
        "a whole number of months from 1 to 1200, without quotes",
    ),
    "param.want.days": (
        "een geheel aantal lesdagen van 1 tot en met 1000",
        "a whole number of teaching days from 1 to 1000",
    ),
    "param.want.count": (
        "een geheel aantal van 0 tot en met 1000",
        "a whole number from 0 to 1000",
    ),
    "param.want.share": (
        "een aandeel tussen 0 en 1, bijvoorbeeld 0.5 voor 50%",
        "a share between 0 and 1, for example 0.5 for 50%",
    ),
    "param.want.nlqf": ("een NLQF-niveau van 1 tot en met 8", "an NLQF level from 1 to 8"),
    "param.want.date": (
        "een datum JJJJ-MM-DD zonder aanhalingstekens, tussen 1900 en 2199",
        "a date YYYY-MM-DD without quotes, between 1900 and 2199",
    ),
    "param.want.codes": (
        "een lijst van codes, bijvoorbeeld [LZ-FO-1, LZ-FO-2]",
        "a list of codes, for example [LZ-FO-1, LZ-FO-2]",
    ),
    "val.param_use": (
        "'{ref}' is een parameter van het type {kind}; hier hoort {want}",
        "'{ref}' is a parameter of type {kind}; this place needs {want}",
    ),
    "hint.param_use": (
        "verwijs naar een parameter van het juiste type, of geef er een nieuwe op",
        "refer to a parameter of the right type, or add a new one",
    ),
    "val.inline_value": (
        "'{field}': de waarde {value} past niet bij dit veld",
        "'{field}': the value {value} does not fit this field",
    ),
    "val.window_below_min": (
        "de periode '{window}' ({window_value} maanden) is korter dan het minimum '{min}' ({min_value} maanden)",
        "the window '{window}' ({window_value} months) is shorter than the minimum '{min}' ({min_value} months)",
    ),
    "hint.window_below_min": (
        "binnen een kortere periode kan niemand het minimum halen; maak de periode minstens zo lang",
        "nobody can reach the minimum within a shorter window; make the window at least as long",
    ),
    "err.course_or_kind": (
        "een opleiding noemt 'course' (uit de catalogus) of 'name' met 'kind'",
        "an education entry names 'course' (from the catalogue) or 'name' with 'kind'",
    ),
    "hint.course_or_kind": (
        "zie 'pzspec list courses' voor de catalogus",
        "see 'pzspec list courses' for the catalogue",
    ),
    "what.profession": ("beroep", "profession"),
    "what.profile": ("profiel", "profile"),
    "what.course": ("opleiding", "course"),
    "what.course_kind": ("soort opleiding", "course kind"),
    "what.activity_kind": ("soort activiteit", "activity kind"),
    "what.parameter": ("parameter", "parameter"),
    "what.domain": ("domein", "domain"),
    "what.version": ("versie", "version"),
    "what.condition": ("soort voorwaarde", "condition type"),
    "type.string": ("tekst", "text"),
    "type.int": ("een geheel getal", "a whole number"),
    "type.number": ("een getal", "a number"),
    "type.bool": ("true of false", "true or false"),
    "type.date": ("een datum (JJJJ-MM-DD)", "a date (YYYY-MM-DD)"),
    "type.list": ("een lijst", "a list"),
    "type.mapping": ("een mapping (sleutel: waarde)", "a mapping (key: value)"),
    "type.null": ("leeg", "empty"),
    "err.no_version": (
        "geen regelversie geldig op {as_of}; de eerste geldt vanaf {first}",
        "no rule version in force on {as_of}; the first applies from {first}",
    ),
    "err.rule_format": (
        "onbekend soort regelbestand (pzspec: {value})",
        "unknown kind of rule file (pzspec: {value})",
    ),
    "hint.rule_format": (
        "een regelbestand begint met 'pzspec: rules/1', 'pzspec: overlay/1' of 'pzspec: profile/1'",
        "a rule file starts with 'pzspec: rules/1', 'pzspec: overlay/1' or 'pzspec: profile/1'",
    ),
    "hint.no_version": ("kies een latere --as-of", "choose a later --as-of"),
    # --- conditions ------------------------------------------------------------------
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "cond.not_given": ("{field}: niet opgegeven", "{field}: not given"),
    "cond.min": (
        "{field}: {actual} (minimaal {required})",
        "{field}: {actual} (at least {required})",
    ),
    "cond.below": ("{field}: {actual} (grens {limit})", "{field}: {actual} (limit {limit})"),
    "cond.before": ("{field}: {actual} (vóór {limit})", "{field}: {actual} (before {limit})"),
    "cond.includes": (
        "{field}: {actual} (vereist: {required})",
        "{field}: {actual} (required: {required})",
    ),
    "cond.lacking": ("{field}: ontbreekt {values}", "{field}: lacks {values}"),
    "cond.needed": ("{field}: moet {value} zijn", "{field}: must be {value}"),
    "cond.one_of": ("{field}: moet een van {values} zijn", "{field}: must be one of {values}"),
    "cond.experience_months": (
        "minstens {months} maanden relevante werkervaring",
        "at least {months} months of relevant experience",
    ),
    "cond.months_found": ("{field}: {months} maanden gevonden", "{field}: {months} months found"),
    "cond.months_lacking": (
        "nog {lacking} maanden relevante werkervaring (nu {months}, nodig {required})",
        "{lacking} more months of relevant experience (now {months}, needed {required})",
    ),
    "fact.kwaliteitskader": (
        "Kwaliteitskader-domeinen in uw activiteiten: {domains}",
        "Kwaliteitskader domains in your activities: {domains}",
    ),
    "fact.shown_activity": ("aangetoond: {text}", "shown: {text}"),
    "cond.derived_from_employment": (
        " (afgeleid uit het dienstverband tijdens de opleiding)",
        " (derived from the employment during the course)",
    ),
    "field.days": ("lesdagen", "teaching days"),
    "field.nlqf": ("NLQF-niveau", "NLQF level"),
    "field.epas": ("EPA's", "EPAs"),
    "field.placement_palliative_share": (
        "aandeel palliatieve zorg in de werkplek",
        "share of palliative care in the placement",
    ),
    "field.assessment": ("assessment", "assessment"),
    "field.field": ("werkveld", "field"),
    "field.completed": ("afgerond", "completed"),
    "field.institution": ("instelling", "institution"),
    "field.person.graduated": ("initiële opleiding afgerond", "initial education completed"),
    "field.person.profession": ("beroep", "profession"),
    # --- requirements ----------------------------------------------------------------
    "ongoing": ("heden", "ongoing"),
    "fact.profession": ("beroep: {profession}", "profession: {profession}"),
    "fact.not_completed": (
        "{name}: nog niet afgerond op de peildatum (afronding {date})",
        "{name}: not completed on the as-of date (completion {date})",
    ),
    "fact.excluded": ("{name} telt niet: {reason}", "{name} does not count: {reason}"),
    "fact.entry": ("{name}, afgerond {date}", "{name}, completed {date}"),
    "fact.entry_short": ("{name} telt niet: {why}", "{name} does not count: {why}"),
    "fact.entry_also": (
        "{name} kan ook tellen via {route}",
        "{name} could also count through {route}",
    ),
    "fact.no_route_for": (
        "{name} telt niet: geen opleidingsroute van dit profiel neemt een opleiding van de soort '{kind}' aan",
        "{name} does not count: no education route of this profile accepts education of kind '{kind}'",
    ),
    "fact.withdrawn": (
        "deze opleiding is ingetrokken door {by} en telt niet meer",
        "this course was withdrawn by {by} and no longer counts",
    ),
    "fact.provisional_route": ("voorlopig: {reason}", "provisional: {reason}"),
    "fact.transition_forms": (
        "vormen van de overgangsregeling in deze regels: {forms}",
        "forms of the transition arrangement in these rules: {forms}",
    ),
    "form.graduation-cutoff": ("afkappunt op jaar van afstuderen", "cut-off by year of graduation"),
    "form.experience-cutoff": ("afkappunt op jaren werkervaring", "cut-off by years of experience"),
    "form.portfolio": ("vrijstelling op basis van een portfolio", "exemption by portfolio"),
    "form.additional-education": (
        "tijd om een aanvullende opleiding af te ronden",
        "time to complete an additional education",
    ),
    "req.transition.none": (
        "deze regels kennen geen overgangsregeling",
        "these rules have no transition arrangement",
    ),
    "cond.in_progress": (
        "een opleiding die meetelt, begonnen en af te ronden uiterlijk {date}",
        "an education that counts, started and to be completed by {date}",
    ),
    "cond.in_progress_none": (
        "{field}: geen gevonden (geef 'started' en de geplande afronding als 'completed')",
        "{field}: none found (give 'started' and the planned end as 'completed')",
    ),
    "cond.in_progress_found": ("{field}: {name}", "{field}: {name}"),
    "diff.route.provisional": (
        "route {label}: voorlopig-markering gewijzigd",
        "route {label}: provisional marker changed",
    ),
    "req.education.none": (
        "geen opleiding die een specialiserende opleiding kan zijn",
        "no education that could be specialising education",
    ),
    "field.level": ("soort leergang", "kind of programme"),
    "fact.patient_share": ("{share} palliatieve patiënten", "{share} palliative patients"),
    "fact.fte_share": (
        "{share} van de aanstelling palliatief",
        "{share} of the appointment palliative",
    ),
    "fact.no_shares": ("geen palliatieve aandelen opgegeven", "no palliative shares given"),
    "fact.not_relevant": ("loopt in geen maand die meetelt", "runs in no month that counts"),
    "fact.unknown_relevance": (
        "onbekend of de maanden waarin het loopt meetellen",
        "unknown whether the months in which it runs count",
    ),
    "fact.future": (" (begint na de peildatum)", " (starts after the as-of date)"),
    "fact.activity_kinds": (
        "soorten activiteiten in de periode: {kinds}",
        "kinds of activity in the period: {kinds}",
    ),
    "req.profession.met": (
        "het beroep {profession} past bij het profiel {profile}",
        "the profession {profession} fits the profile {profile}",
    ),
    "req.profession.unmet": (
        "{profession}: het profiel {profile} staat alleen open voor {allowed}",
        "{profession}: the profile {profile} is open only to {allowed}",
    ),
    "req.profession.missing": ("een beroep uit: {allowed}", "a profession among: {allowed}"),
    "req.profession.no_profile": (
        "geen profiel voor {profession} in deze regelversie",
        "no profile for {profession} in this rule version",
    ),
    "req.skipped_no_profile": (
        "niet beoordeeld: het beroep past niet bij het profiel",
        "not assessed: the profession does not fit the profile",
    ),
    "req.registration.met": ("{label}: aanwezig", "{label}: present"),
    "req.registration.unmet": (
        "ontbreekt: {label}; de overgangsregeling kan dit niet vervangen",
        "missing: {label}; the transition arrangement cannot replace it",
    ),
    "req.education.met": ("voldoet via {route}", "met through {route}"),
    "req.education.review": (
        "mogelijk via {route}; een beoordeling is nodig",
        "possibly through {route}; an assessment is needed",
    ),
    "req.education.assessment": (
        "een beoordeling van deze opleiding door de beroeps- of wetenschappelijke vereniging",
        "an assessment of this education by the professional or scientific association",
    ),
    "req.education.unmet": (
        "geen opleiding die als specialiserende opleiding telt",
        "no education that counts as specialising education",
    ),
    "req.education.partial": ("{name}: {what}", "{name}: {what}"),
    "req.education.undetermined": (
        "voor dit profiel is nog niet bepaald welke opleidingen tellen",
        "it is not yet decided which education counts for this profile",
    ),
    "req.education.no_route": (
        "dit beroep heeft binnen het profiel geen opleidingsroute",
        "this profession has no education route within the profile",
    ),
    "req.experience.met": (
        "{months} maanden relevante werkervaring in de laatste {window} maanden (minimaal {required})",
        "{months} months of relevant experience in the last {window} months (at least {required})",
    ),
    "req.experience.unmet": (
        "{months} maanden relevante werkervaring in de laatste {window} maanden; minimaal {required} nodig",
        "{months} months of relevant experience in the last {window} months; at least {required} needed",
    ),
    "req.experience.undetermined": (
        "{months} maanden zeker relevant, tot {possible} mogelijk, in de laatste {window} maanden (minimaal {required}); voor de andere maanden ontbreken gegevens die het beslissen",
        "{months} months surely relevant, up to {possible} possible, in the last {window} months (at least {required}); the other months lack data that decide them",
    ),
    "req.experience.missing": (
        "nog {lacking} maanden relevante werkervaring binnen {window} maanden",
        "{lacking} more months of relevant experience within {window} months",
    ),
    "req.experience.fill_field": ("vul {field} in bij {who}", "fill in {field} for {who}"),
    "or": ("of", "or"),
    "fact.fte": ("{fte} fte", "{fte} FTE"),
    "fact.weighted_now": (
        "op de peildatum samen: {patient} palliatieve patiënten, {fte} van de aanstelling palliatief",
        "on the as-of date together: {patient} palliative patients, {fte} of the appointment palliative",
    ),
    "range": ("tussen {low} en {high}", "between {low} and {high}"),
    "fact.counted_months": (
        "loopt in {months} maanden die meetellen",
        "runs in {months} months that count",
    ),
    "fact.weighted": (
        "de aandelen gelden voor uw hele aanstelling: per maand weegt elk dienstverband naar zijn fte en dagen",
        "the shares are those of your whole appointment: each month, every employment weighs by its FTE and days",
    ),
    "req.transition.not_needed": (
        "niet nodig: de opleiding voldoet",
        "not needed: the education requirement is met",
    ),
    "req.transition.closed": (
        "de overgangsregeling is gesloten sinds {date}",
        "the transition arrangement closed on {date}",
    ),
    "req.transition.met": (
        "voldoet via {route}; de overgangsregeling staat open tot en met {date}",
        "met through {route}; the transition arrangement is open until {date}",
    ),
    "req.transition.review": (
        "{route} aangevraagd; open tot en met {date}",
        "{route} requested; open until {date}",
    ),
    "req.transition.open": (
        "mogelijk via {route}, maar het portfolio mist gegevens die dat beslissen; open tot en met {date}",
        "possibly through {route}, but the portfolio lacks data that decide it; open until {date}",
    ),
    "req.transition.assessment": (
        "beoordeling van het portfolio door de vereniging",
        "assessment of the portfolio by the association",
    ),
    "req.transition.unmet": (
        "geen route van de overgangsregeling voldoet; open tot en met {date}",
        "no route of the transition arrangement is met; open until {date}",
    ),
    "req.practice.info": (
        "{shown} van de {total} praktijkactiviteiten van het profiel aangetoond in de laatste {window} maanden",
        "{shown} of the profile's {total} practice activities shown in the last {window} months",
    ),
    "req.practice.missing": (
        "nog {lacking} soorten praktijkactiviteiten",
        "{lacking} more kinds of practice activity",
    ),
    # --- reports ---------------------------------------------------------------------
    "verdict.eligible": ("voldoet", "eligible"),
    "verdict.eligible-transition": (
        "voldoet via de overgangsregeling",
        "eligible via the transition",
    ),
    "verdict.needs-review": ("beoordeling nodig", "needs review"),
    "verdict.not-eligible": ("voldoet niet", "not eligible"),
    "summary.eligible": (
        "U voldoet aan het profiel: opleiding en relevante werkervaring zijn aangetoond.",
        "You meet the profile: education and relevant experience are shown.",
    ),
    "summary.eligible-transition": (
        "U voldoet via de overgangsregeling: uw werkervaring vervangt de ontbrekende opleiding zolang de regeling openstaat.",
        "You qualify through the transition arrangement: your experience replaces the missing education while the arrangement is open.",
    ),
    "summary.needs-review": (
        "Nog geen eindoordeel: een beoordeling of aanvullende gegevens zijn nodig; hieronder staat wat openstaat.",
        "No final verdict yet: an assessment or more information is needed; what is open is listed below.",
    ),
    "summary.not-eligible": (
        "U voldoet (nog) niet; hieronder staat wat ontbreekt.",
        "You do not qualify (yet); what is missing is listed below.",
    ),
    "status.met": ("voldaan", "met"),
    "status.unmet": ("niet voldaan", "unmet"),
    "status.review": ("beoordeling", "review"),
    "status.undetermined": ("onbepaald", "undetermined"),
    "status.info": ("info", "info"),
    "status.not-applicable": ("n.v.t.", "n/a"),
    "req.profession": ("beroep", "profession"),
    "req.registration": ("registratie", "registration"),
    "req.education": ("opleiding", "education"),
    "req.experience": ("werkervaring", "experience"),
    "req.transition": ("overgangsregeling", "transition"),
    "req.practice": ("praktijk", "practice"),
    "basis.stated": ("vastgelegd in het Basisprofiel", "stated in the Basisprofiel"),
    "basis.delphi": ("voorkeur uit de Delphi-studie", "Delphi study preference"),
    "basis.provisional": ("voorlopig, nog niet vastgesteld", "provisional, not yet decided"),
    "text.anonymous": ("(geen naam)", "(no name)"),
    "text.context": (
        "profiel: {profile} · regels {version} · peildatum {as_of}",
        "profile: {profile} · rules {version} · as of {as_of}",
    ),
    "text.verdict": ("Oordeel", "Verdict"),
    "text.provisional_mark": ("(voorlopig)", "(provisional)"),
    "text.provisional_note": (
        "Voorlopig: dit oordeel hangt af van een drempel die de verenigingen nog moeten vaststellen.",
        "Provisional: this verdict depends on a threshold the associations have yet to set.",
    ),
    "text.col.requirement": ("Eis", "Requirement"),
    "text.col.status": ("Status", "Status"),
    "text.col.explanation": ("Toelichting", "Explanation"),
    "text.missing": ("Wat ontbreekt", "What is missing"),
    "text.parameters": (
        "Gebruikte drempels die (nog) niet vastliggen",
        "Thresholds used that are not (yet) fixed",
    ),
    "text.star": (
        "* deze eis gebruikte een voorlopige drempel",
        "* this requirement used a provisional threshold",
    ),
    "text.sources": ("Bronnen", "Sources"),
    "text.summary_title": ("Samenvatting", "Summary"),
    "text.col.verdict": ("Oordeel", "Verdict"),
    "text.col.count": ("Aantal", "Count"),
    "text.unusable": ("onbruikbaar bestand", "unusable file"),
    "text.attention": ("Vragen aandacht:", "Need attention:"),
    "text.more": (
        "... en nog {count}; --format jsonl of github geeft de volledige lijst",
        "... and {count} more; --format jsonl or github gives the full list",
    ),
    "text.source": ("bron", "source"),
    "describe.min": ("{field} minimaal {value}", "{field} at least {value}"),
    "describe.below": ("{field} minder dan {value}", "{field} less than {value}"),
    "describe.before": ("{field} vóór {value}", "{field} before {value}"),
    "describe.includes": ("{field} bevat {value}", "{field} include {value}"),
    "describe.equals": ("{field}: {value}", "{field}: {value}"),
    "describe.in": ("{field} is een van {value}", "{field} is one of {value}"),
    "describe.and": ("en", "and"),
    "describe.or": ("of", "or"),
    "describe.when": ("als {guard}: {then}", "if {guard}: {then}"),
    # --- show ------------------------------------------------------------------------
    "show.profile_meta": (
        "{id} · regels {version} · voor: {professions}",
        "{id} · rules {version} · for: {professions}",
    ),
    "show.competencies": (
        "Competenties per domein van de patient journey",
        "Competencies per domain of the patient journey",
    ),
    "show.activities": (
        "Praktijkactiviteiten (werkervaring en praktijk)",
        "Practice activities (experience and practice)",
    ),
    "show.kinds": ("soorten", "kinds"),
    "show.education": ("Opleiding", "Education"),
    "show.any_route": ("Eén van deze routes volstaat:", "Any one of these routes suffices:"),
    "show.review_route": ("ter beoordeling", "to be assessed"),
    "show.route_professions": ("alleen voor: {professions}", "only for: {professions}"),
    "show.route_entries": ("opleiding: {entries}", "education: {entries}"),
    "show.never_counts": ("Telt nooit:", "Never counts:"),
    "show.experience": ("Werkervaring", "Experience"),
    "show.experience_rule": (
        "Minstens {min} maanden relevante werkervaring in de laatste {window} maanden. Een maand telt als in een dienstverband minstens de helft van de patiënten een palliatieve zorgbehoefte heeft of minstens de helft van de aanstelling palliatieve zorg is; overlappende dienstverbanden tellen één keer.",
        "At least {min} months of relevant experience in the last {window} months. A month counts when, in an employment, at least half of the patients have a palliative care need or at least half of the appointment is palliative care; overlapping employments count once.",
    ),
    "show.transition": ("Overgangsregeling", "Transition arrangement"),
    "show.register": ("Register", "Register"),
    "show.sources_note": (
        "Alle bronnen: pzspec show profile {id} --format json (veld 'sources').",
        "All sources: pzspec show profile {id} --format json (field 'sources').",
    ),
    "show.kind": ("soort", "kind"),
    "show.version": ("regels", "rules"),
    "show.course.days": ("lesdagen", "teaching days"),
    "show.course.nlqf": ("NLQF", "NLQF"),
    "show.course.epas": ("EPA's", "EPAs"),
    "show.course.institutions": ("instellingen", "institutions"),
    "show.course.providers": ("aanbieders", "providers"),
    "show.course_routes": ("Telt in deze routes:", "Counts in these routes:"),
    "show.course_never": (
        "Telt nooit als specialiserende opleiding.",
        "Never counts as specialising education.",
    ),
    "err.exists": ("bestand bestaat al", "file already exists"),
    "hint.exists": (
        "kies een andere naam of gebruik --force om het te vervangen",
        "choose another name or use --force to replace it",
    ),
    "hint.out_is_dir": ("geef een bestandsnaam op", "give a file name"),
    "err.no_folder": ("de map bestaat niet", "the folder does not exist"),
    "hint.no_folder": ("maak de map eerst aan", "create the folder first"),
    "err.write": (
        "bestand kan niet geschreven worden: {reason}",
        "file cannot be written: {reason}",
    ),
    "hint.write": (
        "controleer de map, de rechten en de vrije ruimte",
        "check the folder, the permissions and the free space",
    ),
    # --- validate ----------------------------------------------------------------------
    "val.duplicate_id": ("id '{value}' komt twee keer voor", "id '{value}' occurs twice"),
    "hint.duplicate_id": ("geef elk item een eigen id", "give every item an id of its own"),
    "val.duplicate_file_id": ("'{value}' staat ook in {other}", "'{value}' is also in {other}"),
    "val.no_source": ("parameter '{id}' heeft geen bron", "parameter '{id}' has no source"),
    "hint.no_source": (
        "noem document en sectie in 'source'",
        "name the document and section in 'source'",
    ),
    "val.what_registration": ("registratie", "registration"),
    "val.what_route": ("route", "route"),
    "val.profile_without_rules": (
        "profiel '{profile}' heeft geen regels in dit bestand",
        "profile '{profile}' has no rules in this file",
    ),
    "hint.profile_without_rules": ("voeg het toe onder 'profiles:'", "add it under 'profiles:'"),
    "val.missing_domains": ("domeinen ontbreken: {domains}", "domains missing: {domains}"),
    "hint.missing_domains": (
        "elk profiel heeft de zes domeinen van de patient journey",
        "every profile has the six domains of the patient journey",
    ),
    "val.overlay_outside": (
        "overlay begint op {start}, buiten de geldigheid van versie {version}",
        "overlay starts on {start}, outside the validity of version {version}",
    ),
    "hint.overlay_outside": (
        "laat de overlay beginnen binnen de geldigheid van de versie",
        "start the overlay within the version's validity",
    ),
    "val.until_before_from": (
        "valid_until ligt vóór valid_from",
        "valid_until is before valid_from",
    ),
    "hint.until_before_from": ("controleer de datums", "check the dates"),
    "val.param_exists": ("parameter '{id}' bestaat al", "parameter '{id}' already exists"),
    "hint.param_exists": (
        "wijzig een bestaande parameter onder 'set:'",
        "change an existing parameter under 'set:'",
    ),
    "val.overlap": (
        "versie {version} overlapt met versie {other}",
        "version {version} overlaps version {other}",
    ),
    "hint.overlap": (
        "zet valid_until van {version} op de dag vóór deze valid_from",
        "set valid_until of {version} to the day before this valid_from",
    ),
    "val.gap": (
        "tussen versie {other} en deze versie gelden geen regels van {start} t/m {end}",
        "no rules apply between version {other} and this one from {start} to {end}",
    ),
    "hint.gap": (
        "laat deze versie beginnen op de dag na valid_until van de vorige",
        "start this version the day after the previous one's valid_until",
    ),
    "val.expired": (
        "geldig tot {date}: deze regels zijn verlopen",
        "valid until {date}: these rules have expired",
    ),
    "hint.expired": (
        "publiceer een opvolger of verleng valid_until",
        "publish a successor or extend valid_until",
    ),
    "val.no_versions": (
        "geen regelversie gevonden (pzspec: rules/1)",
        "no rule version found (pzspec: rules/1)",
    ),
    "hint.no_versions": (
        "laat --no-default-rules weg of geef een volledige versie mee",
        "drop --no-default-rules or give a full version",
    ),
    # --- command line ----------------------------------------------------------------
    "cli.internal": (
        "interne fout in pzspec ({error}); meld dit alstublieft op de issuetracker, met --debug voor details",
        "internal error in pzspec ({error}); please report it on the issue tracker, use --debug for details",
    ),
    "cli.date_range": ("'{value}' ligt buiten 1900-2199", "'{value}' is outside 1900-2199"),
    "cli.bad_date": (
        "'{value}' is geen datum (JJJJ-MM-DD)",
        "'{value}' is not a date (YYYY-MM-DD)",
    ),
    "cli.init_done": (
        "{file} gemaakt; vul het aan en controleer met: pzspec check {file}",
        "{file} written; fill it in and check it with: pzspec check {file}",
    ),
    "cli.validated": (
        "{files} gecontroleerd: {errors}, {warnings}",
        "{files} checked: {errors}, {warnings}",
    ),
    "count.file": ("{n} bestand", "{n} file"),
    "count.files": ("{n} bestanden", "{n} files"),
    "count.error": ("{n} fout", "{n} error"),
    "count.errors": ("{n} fouten", "{n} errors"),
    "count.warning": ("{n} waarschuwing", "{n} warning"),
    "count.warnings": ("{n} waarschuwingen", "{n} warnings"),
    "cli.bad_lang": (
        "--lang: kies nl of en, niet '{value}'",
        "--lang: choose nl or en, not '{value}'",
    ),
    "cli.warning": ("waarschuwing", "warning"),
    "cli.no_files": ("geen portfolio's gevonden", "no portfolios found"),
    "hint.no_files": (
        "geef .yaml-bestanden of een map met .yaml-bestanden (zie --glob)",
        "give .yaml files or a folder with .yaml files (see --glob)",
    ),
    "cli.progress": ("portfolio's toetsen", "checking portfolios"),
    # --- documents (html, markdown) --------------------------------------------------
    "doc.title": (
        "Toetsing aan het Basisprofiel palliatieve zorg",
        "Check against the Basisprofiel palliative care",
    ),
    "doc.meta.profession": ("Beroep", "Profession"),
    "doc.meta.big": ("BIG-nummer", "BIG number"),
    "doc.meta.profile": ("Profiel", "Profile"),
    "doc.meta.as_of": ("Peildatum", "As of"),
    "doc.meta.file": ("Bestand", "File"),
    "doc.no_profile_short": ("geen profiel", "no profile"),
    "doc.provisional": ("voorlopig", "provisional"),
    "doc.requirements": ("Eisen", "Requirements"),
    "doc.facts": ("Gebruikte gegevens per eis", "Facts used per requirement"),
    "doc.timeline": ("Relevante werkervaring per maand", "Relevant experience by month"),
    "doc.timeline_summary": (
        "Geteld: {months} maanden relevante werkervaring. Vereist: minimaal {required} maanden binnen de {window} maanden van {start} tot en met {end}.",
        "Counted: {months} months of relevant experience. Required: at least {required} months within the {window} months from {start} to {end}.",
    ),
    "doc.timeline_label": (
        "Maanden met relevante werkervaring van {start} tot en met {end}: {months} geteld",
        "Months of relevant experience from {start} to {end}: {months} counted",
    ),
    "doc.bar_label": (
        "{months} van {window} maanden geteld; minimaal {required} vereist",
        "{months} of {window} months counted; at least {required} required",
    ),
    "doc.window_months": ("{window} maanden", "{window} months"),
    "doc.required_mark": ("minimaal {required} vereist", "at least {required} required"),
    "doc.cell.counted": ("telt als relevant", "counts as relevant"),
    "doc.cell.empty": ("telt niet", "does not count"),
    "doc.cell.outside": ("buiten de periode", "outside the period"),
    "doc.month_initials": ("J F M A M J J A S O N D", "J F M A M J J A S O N D"),
    "doc.md.year": ("Jaar", "Year"),
    "doc.md.months": ("jan – dec", "Jan – Dec"),
    "doc.md.counted": ("Geteld", "Counted"),
    "doc.timeline_none": (
        "Werkervaring is niet beoordeeld, dus er is geen tijdlijn.",
        "Experience was not assessed, so there is no timeline.",
    ),
    "doc.profile": ("Profiel: competenties en praktijk", "Profile: competencies and practice"),
    "doc.domains": ("De zes competentiedomeinen", "The six competency domains"),
    "doc.dutch_statements": (
        "De competenties en praktijkactiviteiten staan in het Nederlands, zoals in het Basisprofiel.",
        "The competency statements and practice activities are in Dutch, as in the Basisprofiel.",
    ),
    "doc.no_profile": (
        "Het beroep past bij geen profiel van deze regelversie; er zijn geen competenties of praktijkactiviteiten om te tonen.",
        "The profession fits no profile of this rule version; there are no competencies or practice activities to show.",
    ),
    "doc.activities": ("Praktijkactiviteiten van het profiel", "The profile's practice activities"),
    "doc.evidenced": ("aangetoond", "shown"),
    "doc.not_evidenced": ("niet aangetoond", "not shown"),
    "doc.kinds_shown": (
        "Soorten activiteiten in het portfolio",
        "Kinds of activity in the portfolio",
    ),
    "doc.kwaliteitskader": ("Kwaliteitskader-domeinen", "Kwaliteitskader domains"),
    "doc.none": ("geen", "none"),
    "doc.provisional_notes": (
        "Voorlopig en nog niet vastgesteld",
        "Provisional and not yet decided",
    ),
    "doc.not_provisional": (
        "Het oordeel hangt niet af van een voorlopige drempel; onderstaande drempels zijn wel gebruikt.",
        "The verdict does not depend on a provisional threshold; the thresholds below were used.",
    ),
    "doc.unit.maanden": ("maanden", "months"),
    "doc.unit.lesdagen": ("lesdagen", "teaching days"),
    "doc.unit.activiteiten": ("activiteiten", "activities"),
    "doc.profile_unavailable": (
        "Het profiel {profile} van regelversie {version} hoort niet bij de regeldata van deze pzspec; de competenties kunnen hier niet getoond worden.",
        "The profile {profile} of rule version {version} is not part of this pzspec's rule data; its competencies cannot be shown here.",
    ),
    "doc.rule_sets": ("Gebruikte regeldata", "Rule data used"),
    "doc.kind.rules": ("regelset", "rule set"),
    "doc.kind.overlay": ("aanvulling", "overlay"),
    "doc.kind.profile": ("profiel", "profile"),
    "doc.source.profile": ("profiel", "profile"),
    "doc.source.rules": ("regelset", "rule set"),
    "doc.provenance": (
        "Gemaakt met pzspec {version} · regelversie {rules} · peildatum {as_of}",
        "Made with pzspec {version} · rule version {rules} · as of {as_of}",
    ),
    # --- fidelity: citations, levels, announced profiles (issue 12) ---
    "report.disclaimer": (
        "pzspec toetst een portfolio aan het Basisprofiel (O2PZ, maart 2025) en de regels die de verenigingen daaraan toevoegen, en legt de uitkomst uit. Dit is geen erkenning: daarover beslissen de beroeps- en wetenschappelijke verenigingen.",
        "pzspec tests a portfolio against the Basisprofiel (O2PZ, March 2025) and the rules the associations add to it, and explains the outcome. This is not a recognition: the professional and scientific associations decide on that.",
    ),
    "profile.status.described": ("beschreven", "described"),
    "profile.status.announced": (
        "aangekondigd, nog niet beschreven",
        "announced, not yet described",
    ),
    "announced.explain": (
        "Dit profiel is aangekondigd, maar nog niet beschreven: er zijn nog geen competenties, opleidingen of drempels, dus pzspec kan er geen portfolio aan toetsen.",
        "This profile is announced but not yet described: there are no competencies, courses or thresholds yet, so pzspec cannot test a portfolio against it.",
    ),
    "err.announced_target": (
        "profiel '{value}' ({title}) is aangekondigd, maar nog niet beschreven; er valt nog niets aan te toetsen",
        "profile '{value}' ({title}) is announced but not yet described; there is nothing to test against yet",
    ),
    "hint.announced_target": (
        "laat 'target' weg om het profiel van het beroep te nemen, of kies een beschreven profiel: {choices}",
        "leave out 'target' to take the profession's profile, or choose a described profile: {choices}",
    ),
    "val.announced_described": (
        "profiel '{id}' is aangekondigd en ook beschreven ({other})",
        "profile '{id}' is announced and also described ({other})",
    ),
    "hint.announced_described": (
        "haal het uit announced_profiles nu het profiel beschreven is",
        "remove it from announced_profiles now that the profile is described",
    ),
    "what.route": ("route", "route"),
    "diff.what.announced_profile": ("aangekondigd profiel", "announced profile"),
    "what.level": ("niveau", "level"),
    "show.levels": ("Scholingsniveaus", "Training levels"),
    "show.route_level": ("op {level}", "at {level}"),
    # --- overlay contract (issue 11) ---
    "val.in_progress_place": (
        "een conditie 'education-in-progress' hoort alleen in een route van de overgangsregeling",
        "an 'education-in-progress' condition belongs only in a route of the transition rule",
    ),
    "hint.in_progress_place": (
        "zij vraagt of een lopende opleiding aan de opleidingseis zal voldoen; in die eis zelf, "
        "in een uitsluiting of in een registratie zou zij naar zichzelf verwijzen",
        "it asks whether an education in progress will meet the education requirement; inside "
        "that requirement, an exclusion or a registration it would refer to itself",
    ),
    "what.field": ("veldnaam", "field name"),
    "val.field_type": (
        "veld '{field}' bevat {kind}; een conditie '{type}' kan dat niet vergelijken",
        "field '{field}' holds {kind}; a '{type}' condition cannot compare that",
    ),
    "hint.field_type": (
        "een conditie '{type}' vraagt een veld met {want}",
        "a '{type}' condition needs a field holding {want}",
    ),
    "val.equals_value": (
        "veld '{field}' bevat {kind}; deze waarde kan daar nooit gelijk aan zijn",
        "field '{field}' holds {kind}; this value can never equal it",
    ),
    "hint.equals_value": (
        "geef een waarde van het soort {kind} (tekst, true/false of een geheel getal)",
        "give a value of kind {kind} (text, true/false or a whole number)",
    ),
    # --- pzspec test (issue 18) ---
    "test.err.empty": ("expect: is een lege lijst", "expect: is an empty list"),
    "test.hint.expect": (
        "geef onder expect: minstens as_of en verdict, bijvoorbeeld "
        "'expect: {as_of: 2026-01-01, verdict: eligible}'",
        "give at least as_of and verdict under expect:, for example "
        "'expect: {as_of: 2026-01-01, verdict: eligible}'",
    ),
    "test.err.no_expect": (
        "dit portfolio heeft geen expect:-blok, dus niets om te toetsen",
        "this portfolio has no expect: block, so nothing to test",
    ),
    "test.hint.as_of": (
        "kies een as_of waarop een regelversie geldt, of geef die versie met --rules",
        "choose an as_of on which a rule version is in force, or give that version with --rules",
    ),
    "test.err.nothing": (
        "geen portfolio met een expect:-blok gevonden",
        "no portfolio with an expect: block found",
    ),
    "test.err.verdict": ("onbekend oordeel '{value}'", "unknown verdict '{value}'"),
    "test.err.status": ("onbekende status '{value}'", "unknown status '{value}'"),
    "test.err.requirement": ("onbekende eis '{value}'", "unknown requirement '{value}'"),
    "test.pass": ("geslaagd", "pass"),
    "test.fail": ("MISLUKT", "FAIL"),
    "test.what.verdict": ("oordeel", "verdict"),
    "test.what.provisional": ("voorlopig", "provisional"),
    "test.expected_got": (
        "{what}: verwacht {expected}, kreeg {got}",
        "{what}: expected {expected}, got {got}",
    ),
    "test.missing": ("ontbreekt: {text}", "missing: {text}"),
    "test.summary": (
        "{total} verwachting(en): {passed} geslaagd, {failed} mislukt",
        "{total} expectation(s): {passed} passed, {failed} failed",
    ),
    "test.skipped": ("{count} zonder expect: overgeslagen", "{count} without expect: skipped"),
    "test.unusable": ("{count} bestand(en) onbruikbaar", "{count} file(s) unusable"),
    "test.cov.title": (
        "Dekking: {covered} van {total} regels beslisten in minstens één test",
        "Coverage: {covered} of {total} rules decided in at least one test",
    ),
    "test.cov.education_routes": (
        "Opleidingsroutes per profiel ({covered}/{total})",
        "Education routes per profile ({covered}/{total})",
    ),
    "test.cov.transition_routes": (
        "Routes van de overgangsregeling per profiel ({covered}/{total})",
        "Transition routes per profile ({covered}/{total})",
    ),
    "test.cov.transition_forms": (
        "Vormen van de overgangsregeling ({covered}/{total})",
        "Transition forms ({covered}/{total})",
    ),
    "test.cov.condition_types": (
        "Soorten voorwaarden ({covered}/{total})",
        "Condition types ({covered}/{total})",
    ),
    "test.cov.parameters": ("Parameters ({covered}/{total})", "Parameters ({covered}/{total})"),
    "test.cov.tests": ("beslissend in {count} test(s)", "decisive in {count} test(s)"),
    "test.cov.never": ("nooit beslissend", "never decisive"),
    # --- diff ------------------------------------------------------------------------
    "diff.kind.tightened": ("aangescherpt", "tightened"),
    "diff.kind.loosened": ("verruimd", "loosened"),
    "diff.kind.added": ("toegevoegd", "added"),
    "diff.kind.removed": ("verwijderd", "removed"),
    "diff.kind.editorial": ("redactioneel", "editorial"),
    "diff.effect.tightened": (
        "strenger: wie voldeed, kan nu tekortschieten",
        "stricter: someone who qualified may now fall short",
    ),
    "diff.effect.loosened": (
        "ruimer: wie tekortschoot, kan nu voldoen",
        "more lenient: someone who fell short may now qualify",
    ),
    "diff.effect.unknown": (
        "de richting is niet te bepalen; voor de zekerheid als aanscherping geteld",
        "the direction cannot be told; counted as a tightening to be safe",
    ),
    "diff.effect.unused": (
        "geen voorwaarde gebruikt deze waarde; alleen teksten veranderen",
        "no condition uses this value; only texts change",
    ),
    "diff.effect.text": ("geen gevolg voor een oordeel", "no effect on a verdict"),
    "diff.param.value": ("{what}: {old} → {new}", "{what}: {old} → {new}"),
    "diff.param.basis": ("grondslag {old} → {new}", "basis {old} → {new}"),
    "diff.param.added": ("nieuwe parameter: {what}", "new parameter: {what}"),
    "diff.param.removed": ("parameter vervalt: {what}", "parameter dropped: {what}"),
    "diff.slot": (
        "{what} gebruikt nu parameter {new_id} ({new}) in plaats van {old_id} ({old})",
        "{what} now uses parameter {new_id} ({new}) instead of {old_id} ({old})",
    ),
    "diff.course.added": (
        "opleiding '{name}' toegevoegd aan de catalogus",
        "course '{name}' added to the catalogue",
    ),
    "diff.course.removed": (
        "opleiding '{name}' ingetrokken: zij telt niet meer en portfolio's die haar noemen zijn niet meer bruikbaar",
        "course '{name}' withdrawn: it no longer counts and portfolios that name it can no longer be used",
    ),
    "diff.course.routes": ("routes: {routes}", "routes: {routes}"),
    "diff.course.field": ("'{name}', {field}: {old} → {new}", "'{name}', {field}: {old} → {new}"),
    "diff.route.added": ("nieuwe route: {label}", "new route: {label}"),
    "diff.route.removed": ("route vervalt: {label}", "route dropped: {label}"),
    "diff.route.outcome": ("{label}: uitkomst {old} → {new}", "{label}: outcome {old} → {new}"),
    "diff.route.professions": (
        "{label}: beroepen {old} → {new}",
        "{label}: professions {old} → {new}",
    ),
    "diff.route.entry_added": ("{label}: telt nu ook {items}", "{label}: now also counts {items}"),
    "diff.route.entry_removed": (
        "{label}: telt niet meer {items}",
        "{label}: no longer counts {items}",
    ),
    "diff.route.entry_changed": (
        "{label}: welke opleidingen de route bekijkt is gewijzigd",
        "{label}: which education the route looks at has changed",
    ),
    "diff.cond.added": ("voorwaarde erbij: {cond}", "condition added: {cond}"),
    "diff.cond.removed": ("voorwaarde vervalt: {cond}", "condition dropped: {cond}"),
    "diff.cond.alt_added": ("alternatief erbij: {cond}", "alternative added: {cond}"),
    "diff.cond.alt_removed": ("alternatief vervalt: {cond}", "alternative dropped: {cond}"),
    "diff.cond.changed": (
        "voorwaarde gewijzigd: {old} → {new}",
        "condition changed: {old} → {new}",
    ),
    "diff.cond.on_fail": ("bij niet voldoen: {old} → {new}", "when not met: {old} → {new}"),
    "diff.cond.on_missing": (
        "bij een ontbrekend gegeven: {old} → {new}",
        "when a value is missing: {old} → {new}",
    ),
    "diff.exclusion.added": ("nieuwe uitsluiting: {reason}", "new exclusion: {reason}"),
    "diff.exclusion.removed": ("uitsluiting vervalt: {reason}", "exclusion dropped: {reason}"),
    "diff.exclusion.more": ("sluit nu ook uit: {items}", "now also excludes: {items}"),
    "diff.exclusion.fewer": ("sluit niet meer uit: {items}", "no longer excludes: {items}"),
    "diff.practice.condition": (
        "praktijk wordt een voorwaarde: minstens {value} activiteiten van het profiel",
        "practice becomes a condition: at least {value} of the profile's activities",
    ),
    "diff.practice.info": (
        "praktijk is geen voorwaarde meer, alleen informatie",
        "practice is no longer a condition, information only",
    ),
    "diff.item.added": ("{what} '{name}' toegevoegd", "{what} '{name}' added"),
    "diff.item.removed": ("{what} '{name}' verwijderd", "{what} '{name}' removed"),
    "diff.item.breaks": (
        "wie ervan afhing, kan nu tekortschieten",
        "someone who depended on it may now fall short",
    ),
    "diff.profession.changed": (
        "beroep '{name}', {field}: {old} → {new}",
        "profession '{name}', {field}: {old} → {new}",
    ),
    "diff.profile.professions": (
        "profiel '{name}': beroepen {old} → {new}",
        "profile '{name}': professions {old} → {new}",
    ),
    "diff.activity.kinds": (
        "activiteit {id}: soorten {old} → {new}",
        "activity {id}: kinds {old} → {new}",
    ),
    "diff.activity.info_only": (
        "praktijk is voor dit profiel alleen informatie",
        "practice is information only for this profile",
    ),
    "diff.text": ("tekst of bron gewijzigd ({field})", "wording or source changed ({field})"),
    "diff.validity": (
        "geldigheid gewijzigd ({field}); met --as-of ziet u het effect op een datum",
        "validity changed ({field}); use --as-of to see the effect on a date",
    ),
    "diff.version.changed": (
        "op {as_of} geldt een andere regelversie",
        "a different rule version applies on {as_of}",
    ),
    "diff.overlay.added": (
        "{what} '{name}' toegevoegd; de besluiten ervan staan apart in deze lijst",
        "{what} '{name}' added; its decisions are listed separately",
    ),
    "diff.overlay.removed": (
        "{what} '{name}' verwijderd; de gevolgen staan apart in deze lijst",
        "{what} '{name}' removed; the consequences are listed separately",
    ),
    "diff.what.profile": ("profiel", "profile"),
    "diff.what.profession": ("beroep", "profession"),
    "diff.what.competency": ("competentie", "competency"),
    "diff.what.activity": ("praktijkactiviteit", "practice activity"),
    "diff.what.domain": ("domein", "domain"),
    "diff.what.course_kind": ("soort opleiding", "course kind"),
    "diff.what.activity_kind": ("soort activiteit", "activity kind"),
    "diff.what.registration": ("registratie", "registration"),
    "diff.what.version": ("regelversie", "rule version"),
    "diff.what.overlay": ("overlay", "overlay"),
    "diff.verdict.error": ("onbruikbaar", "unusable"),
    "diff.reason": (
        "{requirement}: {old} → {new} ({explanation})",
        "{requirement}: {old} → {new} ({explanation})",
    ),
    "diff.reason.error": ("r. {line}: {message}", "line {line}: {message}"),
    "diff.err.empty": (
        "geen regelbestanden (*.yaml, *.yml) gevonden",
        "no rule files (*.yaml, *.yml) found",
    ),
    "diff.hint.empty": (
        "geef een regel-, overlay- of profielbestand, of een map met regeldata",
        "give a rule, overlay or profile file, or a folder of rule data",
    ),
    "diff.err.git": ("git: {reason}", "git: {reason}"),
    "diff.err.git_missing": ("git is niet gevonden", "git was not found"),
    "diff.err.git_empty": (
        "{path} bestaat niet in {rev} of bevat geen YAML-bestanden",
        "{path} does not exist in {rev} or holds no YAML files",
    ),
    "diff.hint.git": (
        "controleer de revisie (bijv. origin/main) en dat het pad in de repository ligt",
        "check the revision (e.g. origin/main) and that the path lies in the repository",
    ),
    "diff.err.sides": (
        "geef twee kanten (OUD NIEUW), of --git REV met hooguit één PAD",
        "give two sides (OLD NEW), or --git REV with at most one PATH",
    ),
    "diff.title": ("Regelwijzigingen: {old} → {new}", "Rule changes: {old} → {new}"),
    "diff.summary": (
        "{changes} wijziging(en), waarvan {breaking} brekend",
        "{changes} change(s), {breaking} breaking",
    ),
    "diff.none": ("Geen wijzigingen in de regels.", "No changes to the rules."),
    "diff.breaking": ("brekend", "breaking"),
    "diff.breaking_note": (
        "Brekend: een portfolio dat voldeed, kan hierdoor niet meer voldoen.",
        "Breaking: a portfolio that was eligible may no longer be.",
    ),
    "diff.col.kind": ("Soort", "Kind"),
    "diff.col.path": ("Regel", "Rule"),
    "diff.col.change": ("Wijziging", "Change"),
    "diff.col.old": ("Oud", "Old"),
    "diff.col.new": ("Nieuw", "New"),
    "diff.col.explanation": ("Uitleg", "Explanation"),
    "diff.col.file": ("Portfolio", "Portfolio"),
    "diff.col.before": ("Voor", "Before"),
    "diff.col.after": ("Na", "After"),
    "diff.col.reason": ("Reden", "Reason"),
    "diff.col.count": ("Aantal", "Number"),
    "diff.impact": (
        "Gevolgen voor portfolio's ({checked} getoetst op {as_of})",
        "Effect on portfolios ({checked} checked as of {as_of})",
    ),
    "diff.impact_none": (
        "Geen portfolio krijgt een ander oordeel.",
        "No portfolio gets a different verdict.",
    ),
    "diff.transitions": ("Per overgang van oordeel", "Per change of verdict"),
    "diff.unusable": (
        "{count} portfolio('s) konden onder geen van beide kanten getoetst worden",
        "{count} portfolio(s) could be checked under neither side",
    ),
    "diff.gh.change": ("pzspec diff: {kind}", "pzspec diff: {kind}"),
    "diff.gh.impact": ("pzspec diff: {before} → {after}", "pzspec diff: {before} → {after}"),
}
MESSAGES.update(messages_conds.MESSAGES)
MESSAGES.update(messages_loadmsg.MESSAGES)
MESSAGES.update(messages_diffpkg.MESSAGES)
MESSAGES.update(messages_evalmsg.MESSAGES)


class MissingMessage(LookupError):
    """A code that neither catalogue holds: a bug (the catalogue test rules it out)."""


class _Missing(gettext.NullTranslations):
    """The end of the fallback chain en -> nl: a code Dutch lacks too is an error, not
    words (printing the bare code would hide the bug from the reader and from the tests)."""

    def gettext(self, message: str) -> str:
        raise MissingMessage(f"no message {message!r} in the pzspec catalogue ({LOCALE_DIR})")


class _Dutch(gettext.NullTranslations):
    """English falls back to Dutch, read only when English lacks a code."""

    def gettext(self, message: str) -> str:
        return translations("nl").gettext(message)


@functools.cache
def translations(lang: Lang) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang``, read once (a few ms); English falls back to Dutch."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        found = gettext.GNUTranslations(f)
    found.add_fallback(_Dutch() if lang != "nl" else _Missing())
    return found


def known(msg_id: str) -> bool:
    """Whether the catalogue has ``msg_id`` (for codes built from rule data)."""
    try:
        translations("nl").gettext(msg_id)
    except MissingMessage:
        return False
    return True


# Dutch "het" nouns take "onbekend", not "onbekende" (het beroep, de opleiding)
_HET_WORDS = frozenset({"beroep", "profiel", "domein", "niveau"})


def counted(lang: Lang, n: int, noun: str) -> str:
    """``n`` with the noun in singular or plural: "1 fout", "2 fouten"."""
    return tr(lang, f"count.{noun}" if n == 1 else f"count.{noun}s", n=n)


def tr(lang: Lang, msg_id: str, /, **kw: Any) -> str:
    """The message ``msg_id`` in ``lang``, with ``{placeholders}`` filled in.

    A code English lacks is given in Dutch; a code Dutch lacks raises ``MissingMessage``."""
    if msg_id == "err.unknown_id" and kw.get("what") in _HET_WORDS:
        msg_id = "err.unknown_id.het"
    text = translations("nl" if lang == "nl" else "en").gettext(msg_id)
    return text.format(**kw) if kw else text
