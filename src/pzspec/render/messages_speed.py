"""Staged catalogue pairs of the "speed" part (issue 14); the lead re-exports and removes it."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- pzspec diff --jobs ---
    "help.diff.jobs": (
        "Aantal processen voor --portfolios (standaard: aantal CPU's).",
        "Number of processes for --portfolios (default: the number of CPUs).",
    ),
}
