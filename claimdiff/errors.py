"""Errors that reach the user as one line on stderr and exit code 2."""


class ClaimdiffError(Exception):
    """Base class: the message says what went wrong and what to do."""


class InputError(ClaimdiffError):
    """A report or an option cannot be used as given."""


class UsageError(ClaimdiffError):
    """The command line asks for something claimdiff cannot do."""
