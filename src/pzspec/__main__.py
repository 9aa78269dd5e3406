"""``python -m pzspec``: the same as the ``pzspec`` command."""

from pzspec.cli.entry import main

main()
