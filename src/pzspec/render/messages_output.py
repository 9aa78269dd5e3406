"""Staged catalogue pairs of the "output" helper (what ``pzspec check`` writes); the lead
re-exports every staging file at merge time (see docs/translating.md)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- check: options ---
    "cli.short_text_only": (
        "--short geldt alleen voor --format text",
        "--short only applies to --format text",
    ),
    "cli.stdin_alone": (
        "- (lezen van stdin) kan niet samen met andere paden; geef één portfolio via stdin",
        "- (read from stdin) cannot be combined with other paths; give one portfolio on stdin",
    ),
    # --- check: help of the options (replaces the texts staged by "cli") ---
    "help.check.short": (
        "Kort rapport: oordeel, wat ontbreekt, één regel per eis (text).",
        "Short report: verdict, what is missing, one line per requirement (text).",
    ),
    "help.check.files": (
        "Portfoliobestanden (YAML) of mappen (recursief); - leest één portfolio van stdin.",
        "Portfolio files (YAML) or folders (recursive); - reads one portfolio from stdin.",
    ),
    "help.check.output": (
        "Schrijf naar dit bestand (- is stdout); bij html/markdown een map: een rapport "
        "per portfolio en een index.",
        "Write to this file (- is stdout); for html/markdown a folder: one report per "
        "portfolio and an index.",
    ),
    "help.check.redact": (
        "Laat naam, BIG-nummer en bestandsnaam weg uit elke uitvoer (portfolio-1, ...).",
        "Leave the name, BIG number and file name out of every output (portfolio-1, ...).",
    ),
    # --- check: a folder of reports ---
    "doc.index.title": ("Overzicht van de rapporten", "Overview of the reports"),
    "doc.index.col.file": ("Portfolio", "Portfolio"),
}
