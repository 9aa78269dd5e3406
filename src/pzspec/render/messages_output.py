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
}
