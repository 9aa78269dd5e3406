"""The ``pzspec`` command: one thin module per command; it owns streams, files and exit codes."""
