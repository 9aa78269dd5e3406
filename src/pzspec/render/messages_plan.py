"""Staged catalogue pairs for ``pzspec plan`` (issue 17); see docs/translating.md."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- plan: what the date rests on ---
    "plan.assume.starts": (
        "u begint op {date} bij {employment}",
        "you start at {employment} on {date}",
    ),
    "plan.assume.continues": (
        "u blijft werken bij {employment} ({fte} fte, met dezelfde aandelen palliatieve zorg)",
        "you keep working at {employment} ({fte} FTE, with the same palliative care shares)",
    ),
    "plan.assume.completes": (
        "u rondt {course} af op {date}",
        "you complete {course} on {date}",
    ),
    "plan.assume.rules": (
        "op {date} gelden andere regels: {version}",
        "on {date} other rules apply: {version}",
    ),
    # --- plan: steps ---
    "plan.step.keep_working": (
        "werk door zoals nu tot {date}: dan heeft u de ontbrekende {months} maanden relevante "
        "werkervaring",
        "keep working as you do now until {date}: by then you have the {months} missing months "
        "of relevant experience",
    ),
    "plan.step.complete_course": (
        "rond {course} af op {date}, zoals gepland",
        "complete {course} on {date}, as planned",
    ),
    "plan.step.transition": (
        "doe een beroep op de overgangsregeling vóór {date} ({route})",
        "apply under the transition arrangement before {date} ({route})",
    ),
    "plan.step.more_experience": (
        "werk nog {months} maanden in een functie met minstens {patient} palliatieve patiënten "
        "of minstens {fte} van uw uren in de palliatieve zorg",
        "work {months} more months in a role with at least {patient} palliative patients or at "
        "least {fte} of your hours in palliative care",
    ),
    "plan.step.do": ("nodig: {what}", "needed: {what}"),
    # --- plan: the report ---
    "plan.today": ("Oordeel op {date}: {verdict}", "Verdict on {date}: {verdict}"),
    "plan.now": ("U voldoet nu al ({verdict}).", "You qualify already ({verdict})."),
    "plan.earliest": (
        "Vroegste datum: {date} ({verdict}), als er niets verandert.",
        "Earliest date: {date} ({verdict}), if nothing changes.",
    ),
    "plan.assumes": ("Aangenomen:", "Assumed:"),
    "plan.no_date": (
        "Geen datum zonder verandering. Wat in de weg staat:",
        "No date without a change. What stands in the way:",
    ),
    "plan.route": ("Uw route", "Your route"),
    "plan.by": ("uiterlijk {date}", "by {date}"),
    "plan.provisional": ("voorlopig", "provisional"),
    "plan.summary": (
        "Samenvatting ({n} portfolio's): wanneer voldoet men?",
        "Summary ({n} portfolios): when do they qualify?",
    ),
    "plan.summary.when": ("wanneer", "when"),
    "plan.summary.now": ("nu", "now"),
    "plan.summary.6": ("binnen 6 maanden, totaal", "within 6 months, in all"),
    "plan.summary.12": ("binnen 12 maanden, totaal", "within 12 months, in all"),
    "plan.summary.24": ("binnen 24 maanden, totaal", "within 24 months, in all"),
    "plan.summary.later": ("later", "later"),
    "plan.summary.never": ("niet zonder verandering", "not without a change"),
    "plan.summary.error": ("onbruikbaar bestand", "unusable file"),
    # --- help: pzspec plan ---
    "help.cmd.plan": (
        "Vanaf welke datum voldoet u als er niets verandert, en wat is de kortste route?\n\n"
        "Neemt aan dat lopende dienstverbanden doorgaan en opleidingen op hun datum worden "
        "afgerond. Exitstatus zoals check, naar het oordeel op de peildatum: 0 alle voldoen, "
        "1 minstens één voldoet niet, 3 beoordeling nodig, 2 een bestand of optie is "
        "onbruikbaar.",
        "From what date do you qualify if nothing changes, and what is the shortest route?\n\n"
        "Assumes that current employments go on and courses are completed on their date. "
        "Exit status as for check, by the verdict on the check date: 0 all meet it, 1 at "
        "least one does not, 3 review needed, 2 a file or option cannot be used.",
    ),
    "help.plan.files": (
        "Portfoliobestanden (YAML) of mappen (recursief).",
        "Portfolio files (YAML) or folders (recursive).",
    ),
    "help.plan.as_of": (
        "Peildatum JJJJ-MM-DD (standaard: vandaag).",
        "Check date YYYY-MM-DD (default: today).",
    ),
    "help.plan.fmt": (
        "Uitvoer: text, json, jsonl, markdown of html.",
        "Output: text, json, jsonl, markdown or html.",
    ),
    "help.plan.glob": (
        "Bestandspatroon in mappen (standaard *.yaml en *.yml); mag vaker.",
        "File pattern in folders (default *.yaml and *.yml); may be repeated.",
    ),
    "help.plan.jobs": (
        "Aantal processen (standaard: aantal CPU's).",
        "Number of processes (default: number of CPUs).",
    ),
}
