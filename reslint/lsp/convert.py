"""Findings and edits as LSP values.

reslint counts columns in code points and keeps character offsets into the checked text;
LSP counts in the client's position encoding (UTF-16 units unless both sides agreed on
another).  Every position is made here, from the checked text, through pygls's codec.
"""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from reslint.model import Edit, Finding, RuleInfo, Span
from reslint.text.source import SourceText

SEVERITIES = {"error": types.DiagnosticSeverity.Error,
              "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}
SOURCE = "reslint"


class Positions:
    """Offsets and (line, code point) pairs of one checked text -> client positions."""

    def __init__(self, source: SourceText, codec: PositionCodec) -> None:
        self.source = source
        self.codec = codec
        self.lines = [text + "\n" for _, text in source.lines()]

    def at(self, line: int, column: int) -> types.Position:
        """1-based line and code-point column -> a client position."""
        index = max(line - 1, 0)
        if index >= len(self.lines):
            return types.Position(line=len(self.lines), character=0)
        client: types.Position = self.codec.position_to_client_units(
            self.lines, types.Position(line=index, character=max(column - 1, 0)))
        return client

    def offset(self, offset: int) -> types.Position:
        line, column = self.source.linecol(offset)
        return self.at(line, column)

    def span(self, span: Span) -> types.Range:
        return types.Range(start=self.at(span.line, span.column),
                           end=self.at(span.end_line, span.end_column))

    def edit(self, edit: Edit) -> types.TextEdit:
        return types.TextEdit(range=types.Range(start=self.offset(edit.start),
                                                end=self.offset(edit.end)),
                              new_text=edit.text)

    def to_offset(self, position: types.Position) -> int:
        """A client position -> an offset into the checked text."""
        server = self.codec.position_from_client_units(self.lines, position)
        starts = self.source.line_starts
        if server.line >= len(starts):
            return len(self.source.text)
        offset: int = starts[server.line] + server.character
        return offset


def diagnostic(finding: Finding, positions: Positions, rule: RuleInfo | None,
               previous: tuple[str, str] | None = None) -> types.Diagnostic:
    """A finding as the editor shows it: code, severity, a link to the rule's explanation,
    and, for a finding that compares with the previous resolution, which file that is
    (`previous`: its URI and how it was found)."""
    related = None
    if previous is not None:
        uri, how = previous
        related = [types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=types.Range(
                start=types.Position(line=0, character=0),
                end=types.Position(line=0, character=0))),
            message=f"compared with the previous resolution ({how})")]
    href = rule.help_uri if rule is not None else ""
    return types.Diagnostic(
        range=positions.span(finding.span),
        message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning),
        code=finding.rule,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related,
        data={"name": finding.name, "fixable": finding.fix is not None,
              "safe": bool(finding.fix and finding.fix.safe)},
    )


def overlaps(span: Span, positions: Positions, wanted: types.Range) -> bool:
    """Whether a finding's span touches the requested range (both ends inclusive, so a
    cursor right after the span still offers its actions)."""
    start = positions.to_offset(wanted.start)
    end = positions.to_offset(wanted.end)
    return span.start <= end and start <= max(span.end, span.start + 1)


def text_edits(edits: Sequence[Edit], positions: Positions) -> list[types.TextEdit]:
    return [positions.edit(e) for e in sorted(edits, key=lambda e: e.start)]
