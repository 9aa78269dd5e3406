"""``python -m pzspec``: the same as the ``pzspec`` command."""

from pzspec.cli import main

main()
