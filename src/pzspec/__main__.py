"""``python -m pzspec``: the same as the ``pzspec`` command."""

from pzspec.cli.app import main

main()
