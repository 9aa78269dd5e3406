"""Staged catalogue pairs of the "cli" helper (see docs/translating.md)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the framework's words (cli/framework_i18n.py, cli/usage_errors.py) ---
    "cli.fw.usage": ("Gebruik:", "Usage:"),
    "cli.fw.options": ("Opties", "Options"),
    "cli.fw.arguments": ("Argumenten", "Arguments"),
    "cli.fw.commands": ("Opdrachten", "Commands"),
    "cli.fw.options_metavar": ("[OPTIES]", "[OPTIONS]"),
    "cli.fw.command_metavar": ("OPDRACHT [ARGUMENTEN]...", "COMMAND [ARGS]..."),
    "cli.fw.help_option": ("Toon deze hulp en stop.", "Show this help and exit."),
    "cli.fw.default": ("standaard: {value}", "default: {value}"),
    "cli.fw.required": ("verplicht", "required"),
    "cli.fw.range": ("van {low} tot en met {high}", "from {low} to {high}"),
    "cli.fw.at_least": ("minstens {value}", "at least {value}"),
    "cli.fw.at_most": ("hoogstens {value}", "at most {value}"),
    "cli.fw.try_help": (
        "Typ '{command} -h' voor uitleg.",
        "Try '{command} -h' for help.",
    ),
    "cli.fw.error": ("Fout: {message}", "Error: {message}"),
    "cli.fw.aborted": ("Afgebroken.", "Aborted."),
    "cli.fw.no_such_option": ("onbekende optie {option}", "no such option {option}"),
    "cli.fw.did_you_mean": ("bedoelde u {choices}?", "did you mean {choices}?"),
    "cli.fw.missing_argument": ("{name} ontbreekt.", "{name} is missing."),
    "cli.fw.missing_option": (
        "de optie {name} ontbreekt; die is verplicht.",
        "option {name} is missing; it is required.",
    ),
    "cli.fw.needs_value": (
        "de optie {option} heeft een waarde nodig.",
        "option {option} needs a value.",
    ),
    "cli.fw.takes_no_value": (
        "de optie {option} neemt geen waarde.",
        "option {option} does not take a value.",
    ),
    "cli.fw.bad_choice": (
        "{name}: '{value}' kan niet; kies uit {choices}.",
        "{name}: '{value}' is not a choice; choose from {choices}.",
    ),
    "cli.fw.bad_number": (
        "{name}: '{value}' is geen geheel getal.",
        "{name}: '{value}' is not a whole number.",
    ),
    "cli.fw.bad_number_min": (
        "{name}: '{value}' kan niet; geef een geheel getal van minstens {low}.",
        "{name}: '{value}' is not allowed; give a whole number of at least {low}.",
    ),
    "cli.fw.bad_value": (
        "ongeldige waarde voor {name}: {detail}",
        "invalid value for {name}: {detail}",
    ),
    "cli.fw.no_such_command": ("onbekende opdracht '{name}'", "no such command '{name}'"),
    "cli.fw.missing_command": (
        "geef een opdracht, bijvoorbeeld check.",
        "give a command, for example check.",
    ),
    "cli.fw.extra_args": ("onverwacht argument: {args}", "unexpected argument: {args}"),
    # --- show profile: a profession where a profile was meant ---
    "hint.profession_profile": (
        "{profession} is een beroep; bedoelde u het profiel {profile}?",
        "{profession} is a profession; did you mean the profile {profile}?",
    ),
    # --- what a value is called in the help (cli.metavar.<parameter>, else by type) ---
    "cli.metavar.text": ("TEKST", "TEXT"),
    "cli.metavar.number": ("GETAL", "NUMBER"),
    "cli.metavar.path": ("PAD", "PATH"),
    "cli.metavar.files": ("PAD...", "PATH..."),
    "cli.metavar.paths": ("PAD...", "PATH..."),
    "cli.metavar.sides": ("OUD NIEUW", "OLD NEW"),
    "cli.metavar.portfolios": ("PAD", "PATH"),
    "cli.metavar.as_of": ("DATUM", "DATE"),
    "cli.metavar.output": ("BESTAND", "FILE"),
    "cli.metavar.glob": ("PATROON", "PATTERN"),
    "cli.metavar.jobs": ("N", "N"),
    "cli.metavar.rules": ("PAD", "PATH"),
    "cli.metavar.lang": ("nl|en", "nl|en"),
    "cli.metavar.version": ("VERSIE", "VERSION"),
    "cli.metavar.profile_id": ("PROFIEL", "PROFILE"),
    "cli.metavar.course_id": ("OPLEIDING", "COURSE"),
    "cli.metavar.domain": ("DOMEIN", "DOMAIN"),
    "cli.metavar.profession": ("BEROEP", "PROFESSION"),
    "cli.metavar.what": ("WAT", "WHAT"),
    "cli.metavar.kind": ("SOORT", "KIND"),
    "cli.metavar.shell": ("SHELL", "SHELL"),
    # --- command help (help.cmd.<command>) ---
    "help.cmd.pzspec": (
        "Toetst portfolio's aan het Basisprofiel palliatieve zorg (O2PZ, maart 2025) en de "
        "regels van de verenigingen, en legt de uitkomst uit. Over erkenning beslissen de "
        "verenigingen, niet pzspec.",
        "Tests portfolios against the Basisprofiel palliatieve zorg (O2PZ, March 2025) and the "
        "rules of the professional associations, and explains the outcome. The associations "
        "decide on recognition, not pzspec.",
    ),
    "help.cmd.check": (
        "Toets portfolio's aan het Basisprofiel en leg het oordeel uit.\n\n"
        "Mappen worden recursief doorzocht. Exitstatus: 0 alle voldoen, 1 minstens één "
        "voldoet niet, 3 beoordeling nodig, 2 een bestand of optie is onbruikbaar.",
        "Test portfolios against the Basisprofiel and explain the verdict.\n\n"
        "Folders are searched recursively. Exit status: 0 all meet it, 1 at least one does "
        "not, 3 review needed, 2 a file or option cannot be used.",
    ),
    "help.cmd.list": ("Som op wat de regeldata kent.", "List what the rule data knows."),
    "help.cmd.schema": (
        "Print een JSON Schema (draft 2020-12), bijvoorbeeld voor de YAML-extensie van VS Code.",
        "Print a JSON Schema (draft 2020-12), for instance for the YAML extension of VS Code.",
    ),
    "help.cmd.init": (
        "Maak een portfoliosjabloon met uitleg bij elk veld.",
        "Make a portfolio template that explains every field.",
    ),
    "help.cmd.validate": (
        "Controleer regeldata: schema, unieke ids, verwijzingen, geldigheid, bronnen.\n\n"
        "Zonder PAD de meegeleverde data; met PAD die bestanden bovenop de meegeleverde data "
        "(tenzij --no-default-rules). Exitstatus 2 bij een fout, anders 0.",
        "Check rule data: schema, unique ids, references, validity, sources.\n\n"
        "Without PATH the shipped data; with PATH those files on top of the shipped data "
        "(unless --no-default-rules). Exit status 2 on an error, else 0.",
    ),
    "help.cmd.test": (
        "Toets de verwachte uitkomsten (expect:) van portfolio's, voor CI.\n\n"
        "Exitstatus: 0 alle verwachtingen kloppen, 1 minstens één niet, 2 onbruikbare invoer "
        "(ook een opgegeven bestand zonder expect:; in een map wordt het overgeslagen).",
        "Test the expected outcomes (expect:) of portfolios, for CI.\n\n"
        "Exit status: 0 every expectation holds, 1 at least one does not, 2 unusable input "
        "(also a named file without expect:; in a folder it is skipped).",
    ),
    "help.cmd.diff": (
        "Wat verandert er voor wie? Vergelijk twee versies van regeldata.\n\n"
        "Elke wijziging met haar regelpad, oude en nieuwe waarde en soort: aangescherpt, "
        "verruimd, toegevoegd, verwijderd of redactioneel. Exitstatus: 0 geen brekende "
        "wijziging, 1 brekende wijzigingen (elke wijziging met --fail-on any, nooit met "
        "--fail-on none), 2 onbruikbare invoer.",
        "What changes for whom? Compare two versions of rule data.\n\n"
        "Every change with its rule path, old and new value and kind: tightened, loosened, "
        "added, removed or editorial. Exit status: 0 no breaking change, 1 breaking changes "
        "(any change with --fail-on any, never with --fail-on none), 2 unusable input.",
    ),
    "help.cmd.show": (
        "Toon een profiel of opleiding uit de regeldata.",
        "Show a profile or course from the rule data.",
    ),
    "help.cmd.show.profile": (
        "Een profiel als leesbaar document.\n\n"
        "Competenties, praktijkactiviteiten, opleidingen, drempels en bronnen.",
        "A profile as a readable document.\n\n"
        "Competences, practice activities, courses, thresholds and sources.",
    ),
    "help.cmd.show.course": (
        "Een opleiding uit de catalogus: wat zij inhoudt en in welke routes zij telt.",
        "A course from the catalogue: what it holds and in which routes it counts.",
    ),
    "help.cmd.completion": (
        "Print het script voor het aanvullen van opdrachten in bash, zsh of fish.\n\n"
        "Bijvoorbeeld: pzspec completion bash > ~/.local/share/bash-completion/completions/pzspec",
        "Print the shell completion script for bash, zsh or fish.\n\n"
        "For example: pzspec completion bash > ~/.local/share/bash-completion/completions/pzspec",
    ),
    # --- option help shared by the commands (help.opt.<parameter>) ---
    "help.opt.lang": (
        "Taal van de uitvoer: nl of en (standaard PZSPEC_LANG of LANG, anders nl).",
        "Language of the output: nl or en (default PZSPEC_LANG or LANG, else nl).",
    ),
    "help.opt.color": ("Kleur: auto, always of never.", "Colour: auto, always or never."),
    "help.opt.fmt": ("Uitvoer: text of json.", "Output: text or json."),
    "help.opt.rules": (
        "Extra regeldata (overlay- of regelbestand, of een map); mag vaker.",
        "Extra rule data (an overlay or rule file, or a folder); may be repeated.",
    ),
    "help.opt.no_default_rules": (
        "Gebruik alleen de regeldata van --rules.",
        "Use only the rule data of --rules.",
    ),
    "help.opt.debug": (
        "Toon de volledige foutmelding bij een interne fout.",
        "Show the full error report on an internal error.",
    ),
    "help.opt.version": (
        "Regelversie, bijvoorbeeld 2025-03 (standaard: die van vandaag).",
        "Rule version, for example 2025-03 (default: the one in force today).",
    ),
    "help.opt.force": ("Vervang een bestaand bestand.", "Replace an existing file."),
    "help.pzspec.version": ("Toon de versie.", "Show the version."),
    # --- check ---
    "help.check.files": (
        "Portfoliobestanden (YAML) of mappen (recursief).",
        "Portfolio files (YAML) or folders (recursive).",
    ),
    "help.check.as_of": (
        "Peildatum JJJJ-MM-DD (standaard: vandaag).",
        "Reference date YYYY-MM-DD (default: today).",
    ),
    "help.check.fmt": (
        "Uitvoer: text, json, jsonl, html, markdown, github of junit.",
        "Output: text, json, jsonl, html, markdown, github or junit.",
    ),
    "help.check.output": (
        "Schrijf het rapport naar dit bestand (- is stdout).",
        "Write the report to this file (- is stdout).",
    ),
    "help.check.force": (
        "Vervang een bestaand --output-bestand.",
        "Replace an existing --output file.",
    ),
    "help.check.redact": (
        "Laat naam en BIG-nummer weg uit elke uitvoer.",
        "Leave the name and BIG number out of every output.",
    ),
    "help.check.glob": (
        "Bestandspatroon in mappen (standaard *.yaml en *.yml); mag vaker.",
        "File pattern in folders (default *.yaml and *.yml); may be repeated.",
    ),
    "help.check.summary_only": (
        "Alleen de samenvattende tabel (text).",
        "Only the summary table (text).",
    ),
    "help.check.jobs": (
        "Aantal processen (standaard: aantal CPU's).",
        "Number of processes (default: the number of CPUs).",
    ),
    # --- list, schema, init, validate, test, show ---
    "help.list.what": (
        "profiles, courses, kinds, activities, professions of versions.",
        "profiles, courses, kinds, activities, professions or versions.",
    ),
    "help.schema.kind": ("portfolio, rules of profile.", "portfolio, rules or profile."),
    "help.init.profession": (
        "Uw beroep, bijvoorbeeld hbo-verpleegkundige (zie: pzspec list professions).",
        "Your profession, for example hbo-verpleegkundige (see: pzspec list professions).",
    ),
    "help.init.output": (
        "Het nieuwe portfoliobestand (- is stdout).",
        "The new portfolio file (- is stdout).",
    ),
    "help.validate.paths": (
        "Regel-, overlay- en profielbestanden of mappen (standaard: meegeleverde data).",
        "Rule, overlay and profile files or folders (default: the shipped data).",
    ),
    "help.validate.strict": ("Waarschuwingen tellen als fout.", "Warnings count as errors."),
    "help.validate.fmt": ("Uitvoer: text of github.", "Output: text or github."),
    "help.test.paths": (
        "Portfolio's met een expect:-blok, of mappen (recursief).",
        "Portfolios with an expect: block, or folders (recursive).",
    ),
    "help.test.fmt": (
        "Uitvoer: text, json, junit of github.",
        "Output: text, json, junit or github.",
    ),
    "help.test.coverage": (
        "Toon welke routes, voorwaarden en parameters beslisten.",
        "Show which routes, conditions and parameters decided.",
    ),
    "help.show.profile.profile_id": (
        "Een profiel: vig, pz-verpleegkundige, vs-pa of arts (zie: pzspec list profiles).",
        "A profile: vig, pz-verpleegkundige, vs-pa or arts (see: pzspec list profiles).",
    ),
    "help.show.profile.domain": (
        "Toon alleen dit competentiedomein.",
        "Show only this competence domain.",
    ),
    "help.show.course.course_id": (
        "Id uit 'pzspec list courses'.",
        "An id from 'pzspec list courses'.",
    ),
    "help.completion.shell": ("bash, zsh of fish.", "bash, zsh or fish."),
    # --- diff ---
    "help.diff.sides": (
        "Twee kanten: regel- of overlaybestand, of een map met regeldata. Met --git: "
        "hooguit één PAD (standaard data/).",
        "Two sides: a rule or overlay file, or a folder of rule data. With --git: at most "
        "one PATH (default data/).",
    ),
    "help.diff.git": (
        "Vergelijk PAD zoals het in git-revisie REV was (bijv. origin/main) met de werkkopie.",
        "Compare PATH as it was in git revision REV (e.g. origin/main) with the working copy.",
    ),
    "help.diff.portfolios": (
        "Toets deze portfolio's (bestanden of mappen) onder beide kanten en toon wie een ander "
        "oordeel krijgt; mag vaker.",
        "Check these portfolios (files or folders) under both sides and show who gets another "
        "verdict; may be repeated.",
    ),
    "help.diff.as_of": (
        "Peildatum JJJJ-MM-DD: vergelijk de regels die dan gelden (standaard: elke versie met "
        "al haar overlays; de toetsing gebruikt dan vandaag).",
        "Reference date YYYY-MM-DD: compare the rules in force then (default: every version "
        "with all its overlays; the check then uses today).",
    ),
    "help.diff.fmt": (
        "Uitvoer: text, json, markdown of github.",
        "Output: text, json, markdown or github.",
    ),
    "help.diff.fail_on": (
        "Exitstatus 1 bij: breaking (standaard), any of none.",
        "Exit status 1 on: breaking (default), any or none.",
    ),
    "cli.metavar.git": ("REV", "REV"),
}
