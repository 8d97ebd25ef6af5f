"""``python -m claimdiff``: the same as the ``claimdiff`` command."""

from claimdiff.cli import main

main()
