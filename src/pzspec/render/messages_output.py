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
    # --- check: a folder of reports ---
    "doc.index.title": ("Overzicht van de rapporten", "Overview of the reports"),
    "doc.index.col.file": ("Portfolio", "Portfolio"),
    "err.out_not_folder": (
        "bestaat al en is geen map",
        "exists and is not a folder",
    ),
    "hint.out_not_folder": (
        "geef voor een map met rapporten een map op, of een bestandsnaam met .html of .md "
        "voor één document",
        "for a folder of reports give a folder, or a file name ending in .html or .md for "
        "one document",
    ),
}
