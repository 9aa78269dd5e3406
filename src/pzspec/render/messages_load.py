"""Staged messages of the "load" helper (issue 15: input read the way a person writes it)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- ids: what they name ---
    "what.work_field": ("werkveld", "field of practice"),
    "what.epa": ("EPA", "EPA"),
    "what.specialism": ("specialisme", "specialism"),
    # --- values pasted from Word, Dutch number habits ---
    "err.curly_quotes": (
        "{key}: de waarde staat tussen gekrulde aanhalingstekens",
        "{key}: the value is between curly quotes",
    ),
    "hint.curly_quotes": (
        "gebruik gewone ' of \" of laat ze weg",
        "use plain ' or \" or leave them out",
    ),
    "hint.decimal_point": (
        "schrijf {value}: met een punt, niet met een komma",
        "write {value}: with a decimal point, not a comma",
    ),
    "hint.share_fraction": (
        "schrijf {value}: een aandeel is een getal van 0 tot 1, dus 60% is 0.6",
        "write {value}: a share is a number from 0 to 1, so 60% is 0.6",
    ),
    # --- rule data given with the id of shipped data ---
    "what.overlay": ("overlay", "overlay"),
    "val.replaces_shipped": (
        "vervangt de meegeleverde {what} {id} ({other})",
        "replaces the shipped {what} {id} ({other})",
    ),
    "hint.replaces_shipped": (
        "zonder de meegeleverde regeldata: --no-default-rules",
        "to leave the shipped rule data out: --no-default-rules",
    ),
    "hint.replace_course": (
        "om de opleiding te vervangen: zet {id} ook onder courses: withdraw; anders een eigen id",
        "to replace the course, also list {id} under courses: withdraw;"
        " else give it an id of its own",
    ),
    "val.same_spelling": (
        "'{id}' is in een portfolio niet te onderscheiden van '{other}'",
        "'{id}' cannot be told apart from '{other}' in a portfolio",
    ),
    "hint.same_spelling": (
        "een portfolio mag hoofdletters, spaties en streepjes anders schrijven;"
        " geef ids die meer verschillen",
        "a portfolio may write case, spaces and hyphens differently; give ids that differ more",
    ),
    # --- a value error names its keys (was: "dienstverband" for every kind of entry) ---
    "err.ends_before_start": (
        "{to_key}: {to} ligt vóór {from_key}: {start}",
        "{to_key}: {to} is before {from_key}: {start}",
    ),
    "hint.ends_before_start": ("controleer de twee datums", "check the two dates"),
    # --- a value error names its key ---
    "err.at_key": ("{key}: {message}", "{key}: {message}"),
}
