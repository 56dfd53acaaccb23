"""Errors a user sees as one line, exit 2: every command catches this one base class."""


EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2  # no failing finding, some, unusable input


class ReslintError(Exception):
    """An error with a message fit for the user (it names the file, and the line)."""


class UsageError(ReslintError):
    """Wrong arguments, an unknown rule in --select, a missing file given on the command line."""


_CONTROLS = {c: f"\\x{c:02x}" for c in range(32)} | {10: "\\n", 13: "\\r", 9: "\\t", 127: "\\x7f"}


def one_line(message: str) -> str:
    """`message` with its control characters escaped: an error stays one line even when
    it quotes a file name that holds a newline."""
    return message.translate(_CONTROLS)
