MESSAGES: dict[str, tuple[str, str]] = {
    # --- YAML: the parser's reasons in our words (render/yaml_reasons.py) ---
    "yaml.reason.node_content": (
        "hier ontbreekt een waarde",
        "a value is missing here",
    ),
    "yaml.fix.node_content": (
        "schrijf de waarde, of haal een losse komma of een los streepje weg",
        "write the value, or remove a stray comma or dash",
    ),
    "yaml.reason.mapping_values": (
        "een dubbele punt met spatie (': ') op een plek waar geen sleutel kan staan",
        "a colon and space (': ') where no key can be",
    ),
    "yaml.fix.mapping_values": (
        "zet tekst met ': ' erin tussen aanhalingstekens, of zet de sleutel op een eigen "
        "regel met de juiste inspringing",
        "put text containing ': ' in quotes, or put the key on a line of its own with the "
        "right indentation",
    ),
    "yaml.reason.no_colon": (
        "na deze sleutel ontbreekt de dubbele punt",
        "the colon after this key is missing",
    ),
    "yaml.fix.no_colon": (
        "schrijf sleutel: waarde, met een spatie na de dubbele punt",
        "write key: value, with a space after the colon",
    ),
    "yaml.reason.bad_start": (
        "een teken waarmee een waarde hier niet mag beginnen, zoals een tab, @ of `",
        "a character a value may not start with here, such as a tab, @ or `",
    ),
    "yaml.fix.quote": (
        "zet de waarde tussen aanhalingstekens",
        "put the value in quotes",
    ),
    "yaml.reason.tab": (
        "een tab in de inspringing",
        "a tab in the indentation",
    ),
    "yaml.reason.end_of_stream": (
        "het bestand houdt op terwijl een waarde nog openstaat",
        "the file ends while a value is still open",
    ),
    "yaml.fix.unclosed": (
        "sluit de aanhalingstekens \" of ' of de haakjes [ of { die hierboven geopend zijn",
        "close the quotes \" or ' or the brackets [ or { opened above",
    ),
    "yaml.reason.open_list": (
        "een lijst tussen [ ] is niet gesloten of mist een komma",
        "a list in [ ] is not closed or lacks a comma",
    ),
    "yaml.fix.open_list": (
        "sluit de lijst met ] en zet een komma tussen de waarden",
        "close the list with ] and put a comma between the values",
    ),
    "yaml.reason.open_map": (
        "een blok tussen { } is niet gesloten of mist een komma",
        "a block in { } is not closed or lacks a comma",
    ),
    "yaml.fix.open_map": (
        "sluit het blok met } en zet een komma tussen de paren sleutel: waarde",
        "close the block with } and put a comma between the key: value pairs",
    ),
    "yaml.reason.no_dash": (
        "deze regel hoort bij een lijst maar begint niet met '- '",
        "this line belongs to a list but does not start with '- '",
    ),
    "yaml.fix.no_dash": (
        "begin elk item van de lijst met '- ', even ver ingesprongen als de andere",
        "start every item of the list with '- ', indented as far as the others",
    ),
    "yaml.reason.no_key": (
        "deze regel springt anders in dan de sleutels erboven, of er staat iets achter een waarde",
        "this line is indented differently from the keys above it, or something follows a value",
    ),
    "yaml.fix.indent": (
        "zet sleutels van hetzelfde blok precies onder elkaar, en sluit aanhalingstekens op "
        "dezelfde regel",
        "line up the keys of one block exactly, and close quotes on the same line",
    ),
    "yaml.reason.dash_here": (
        "een lijstitem ('- ') op een plek waar geen lijst kan beginnen",
        "a list item ('- ') where no list can start",
    ),
    "yaml.fix.dash_here": (
        "begin de lijst op de regel onder de sleutel, verder ingesprongen",
        "start the list on the line below the key, indented further",
    ),
    "yaml.reason.after_end": (
        "na het einde van het blok staat nog iets",
        "something follows the end of the block",
    ),
    "yaml.fix.after_end": (
        "tel de haakjes na: elk { en [ heeft precies één } en ]",
        "count the brackets: every { and [ has exactly one } and ]",
    ),
    "yaml.reason.document_marker": (
        "een regel '---' of '...' midden in een waarde",
        "a line '---' or '...' in the middle of a value",
    ),
    "yaml.reason.duplicate_anchor": (
        "hetzelfde anker (&naam) staat er twee keer",
        "the same anchor (&name) is there twice",
    ),
    "yaml.fix.duplicate_anchor": (
        "geef elk anker een eigen naam",
        "give every anchor a name of its own",
    ),
    "yaml.reason.duplicate_directive": (
        "de regel %YAML staat er twee keer",
        "the %YAML line is there twice",
    ),
    "yaml.reason.yaml_version": (
        "een YAML-versie die de lezer niet kent",
        "a YAML version the reader does not know",
    ),
    "yaml.fix.directive": (
        "haal de regels die met % beginnen weg; pzspec heeft ze niet nodig",
        "remove the lines that start with %; pzspec does not need them",
    ),
    "yaml.reason.escape": (
        "een onbekende code met \\ tussen dubbele aanhalingstekens",
        "an unknown code with \\ between double quotes",
    ),
    "yaml.fix.escape": (
        "schrijf \\\\ voor een backslash, of zet de tekst tussen enkele aanhalingstekens",
        "write \\\\ for a backslash, or put the text in single quotes",
    ),
    "yaml.reason.anchor_name": (
        "na & of * ontbreekt een naam",
        "a name is missing after & or *",
    ),
    "yaml.reason.trailing": (
        "na de waarde staat nog iets op dezelfde regel",
        "something follows the value on the same line",
    ),
    "yaml.fix.trailing": (
        "zet de hele waarde tussen aanhalingstekens, of begin een opmerking met ' #'",
        "put the whole value in quotes, or start a comment with ' #'",
    ),
    "yaml.reason.tag": (
        "een YAML-tag (begint met !) die de lezer niet kent",
        "a YAML tag (starting with !) the reader does not know",
    ),
    # --- a field that was not given: the key to fill in ---
    "cond.not_given.key": (
        "{field}: niet opgegeven (vul '{key}' in)",
        "{field}: not given (fill in '{key}')",
    ),
    # --- a requirement not met: the key and the value written ---
    "cond.needed": (
        "{field} ({key}): '{actual}', vereist: {value}",
        "{field} ({key}): '{actual}', required: {value}",
    ),
    "cond.one_of": (
        "{field} ({key}): '{actual}', vereist: een van {values}",
        "{field} ({key}): '{actual}', required: one of {values}",
    ),
    # --- one and more: the singular of a sentence with a count (render/i18n.py) ---
    "cond.months_lacking.one": (
        "nog 1 maand relevante werkervaring (nu {months}, nodig {required})",
        "1 more month of relevant experience (now {months}, needed {required})",
    ),
    "req.experience.missing.one": (
        "nog 1 maand relevante werkervaring binnen {window} maanden",
        "1 more month of relevant experience within {window} months",
    ),
    "req.practice.missing.one": (
        "nog 1 soort praktijkactiviteit",
        "1 more kind of practice activity",
    ),
    "plan.step.keep_working.one": (
        "werk door zoals nu tot {date}: dan heeft u de ontbrekende maand relevante werkervaring",
        "keep working as you do now until {date}: by then you have the missing month of "
        "relevant experience",
    ),
    "plan.step.more_experience.one": (
        "werk nog 1 maand in een functie met minstens {patient} palliatieve patiënten of "
        "minstens {fte} van uw uren in de palliatieve zorg",
        "work 1 more month in a role with at least {patient} palliative patients or at least "
        "{fte} of your hours in palliative care",
    ),
    "diff.unusable.one": (
        "1 portfolio kon met geen van beide kanten worden getoetst",
        "1 portfolio could be checked under neither side",
    ),
    "diff.unusable": (
        "{count} portfolio's konden met geen van beide kanten worden getoetst",
        "{count} portfolios could be checked under neither side",
    ),
    "test.summary": (
        "{total}: {passed} geslaagd, {failed} mislukt",
        "{total}: {passed} passed, {failed} failed",
    ),
    "test.unusable": ("{count} onbruikbaar", "{count} unusable"),
    "test.cov.tests": ("beslissend in {count}", "decisive in {count}"),
    "diff.summary": ("{changes}, waarvan {breaking} brekend", "{changes}, {breaking} breaking"),
    "count.expectation": ("{n} verwachting", "{n} expectation"),
    "count.expectations": ("{n} verwachtingen", "{n} expectations"),
    "count.test": ("{n} test", "{n} test"),
    "count.tests": ("{n} tests", "{n} tests"),
    "count.change": ("{n} wijziging", "{n} change"),
    "count.changes": ("{n} wijzigingen", "{n} changes"),
    # --- the command line: help that says what happens, numbers that say what is allowed ---
    "help.cmd.schema": (
        "Schrijf een JSON Schema (draft 2020-12) naar stdout, bijvoorbeeld voor de "
        "YAML-extensie van VS Code.",
        "Write a JSON Schema (draft 2020-12) to stdout, for instance for the YAML extension "
        "of VS Code.",
    ),
    "help.cmd.completion": (
        "Schrijf het script voor het aanvullen van opdrachten in bash, zsh of fish naar "
        "stdout.\n\n"
        "Bijvoorbeeld: pzspec completion bash > ~/.local/share/bash-completion/completions/pzspec",
        "Write the shell completion script for bash, zsh or fish to stdout.\n\n"
        "For example: pzspec completion bash > ~/.local/share/bash-completion/completions/pzspec",
    ),
    "cli.fw.bad_number_min": (
        "{name} moet {low} of meer zijn, niet {value}.",
        "{name} must be {low} or more, not {value}.",
    ),
    "cli.fw.bad_number_min.text": (
        "{name} moet een geheel getal van {low} of meer zijn, niet '{value}'.",
        "{name} must be a whole number of {low} or more, not '{value}'.",
    ),
    # --- hints that give the fix ---
    "hint.unquote_bool": (
        "haal de aanhalingstekens weg: true of false",
        "remove the quotes: true or false",
    ),
    "hint.curly_quotes.text": (
        "gebruik gewone aanhalingstekens, \" of ': de waarde is tekst",
        "use plain quotes, \" or ': the value is text",
    ),
    "hint.date_order": (
        "schrijf de datum als JJJJ-MM-DD: {value}",
        "write the date as YYYY-MM-DD: {value}",
    ),
    "hint.unquote_date": (
        "haal de aanhalingstekens weg: {value}",
        "remove the quotes: {value}",
    ),
    # --- pzspec's remarks after a source (render/source_notes.py) ---
    "source.note.provisional_measure": (
        "pzspec kiest een voorlopige maat",
        "pzspec chooses a provisional measure",
    ),
    "source.note.provisional_end": (
        "pzspec kiest een voorlopige einddatum",
        "pzspec chooses a provisional end date",
    ),
    "source.note.publication": (
        "pzspec neemt de publicatie van het profiel",
        "pzspec takes the publication of the profile",
    ),
    "source.note.no_period": (
        "het profiel legt geen termijn vast",
        "the profile sets no period",
    ),
    "source.note.no_period_all": (
        "(zo ook bij elk profiel) het profiel legt geen termijn vast",
        "(likewise for every profile) the profile sets no period",
    ),
    "source.note.every_profile": ("zo ook bij elk profiel", "likewise for every profile"),
    "source.note.criterion_only": (
        "criterium genoemd, maat niet vastgelegd",
        "criterion named, measure not set",
    ),
    "source.note.no_days": (
        "het aantal lesdagen legt het profiel niet vast",
        "the profile does not set the number of teaching days",
    ),
    "source.note.no_number": ("het aantal is niet vastgelegd", "the number is not set"),
    "source.note.delphi": ("voorkeur uit de Delphi-studie", "preference from the Delphi study"),
    "source.note.december_2024": ("stand december 2024", "as of December 2024"),
    "source.note.no_register_doctors": (
        "geen register voor artsen",
        "no register for doctors",
    ),
    "source.note.no_course_vig": (
        "het profiel noemt voor de verzorgende IG geen opleiding",
        "the profile names no programme for the verzorgende IG",
    ),
    "source.note.example_course": (
        "‘zoals’: de 9-daagse leergang is een voorbeeld",
        "‘zoals’ (such as): the 9-day programme is an example",
    ),
    "source.note.pa_name": (
        "de naam ‘Master Physician Assistant’ is een catalogusnaam van pzspec; de bron noemt "
        "de opleiding van de PA niet bij naam",
        "the name ‘Master Physician Assistant’ is a catalogue name of pzspec; the source does "
        "not name the PA's programme",
    ),
}
