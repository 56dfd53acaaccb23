"""Code actions for the findings under the cursor: each fix as a quick fix (an unsafe one
says so and is never preferred), "disable for this line" and "disable for this file"
writing the suppression comment, and "fix all" (every safe fix, checked again pass after
pass, as `reslint check --fix` does)."""

from __future__ import annotations

from collections.abc import Callable

from lsprotocol import types

from reslint.lsp.convert import Positions, text_edits
from reslint.model import Document, Finding
from reslint.suppress import next_line_anchor

FIX_ALL = types.CodeActionKind.SourceFixAll + ".reslint"


def _workspace_edit(uri: str, version: int | None, edits: list[types.TextEdit]
                    ) -> types.WorkspaceEdit:
    """A versioned edit: the client refuses it if the buffer changed since the check."""
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
        text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version),
        edits=edits)])


def fix_action(finding: Finding, diagnostic: types.Diagnostic, uri: str, version: int | None,
               positions: Positions) -> types.CodeAction | None:
    if finding.fix is None:
        return None
    what = finding.fix.description or finding.message
    safe = finding.fix.safe
    title = f"Fix {finding.rule}: {what}" if safe else f"Fix {finding.rule} (unsafe): {what}"
    return types.CodeAction(
        title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[diagnostic],
        is_preferred=safe,
        edit=_workspace_edit(uri, version, text_edits(finding.fix.edits, positions)))


def _comment_line(text: str, newline: str) -> str:
    return f"<!-- {text} -->{newline}"


def disable_line_action(finding: Finding, diagnostic: types.Diagnostic, document: Document,
                        uri: str, version: int | None, positions: Positions
                        ) -> types.CodeAction:
    """`<!-- reslint-disable-next-line CODE -->` above the element the finding is in (a
    comment above a wrapped paragraph's first line covers all of its lines)."""
    line = next_line_anchor(document, finding.span.line)
    start = document.source.line_starts[line - 1]
    text = _comment_line(f"reslint-disable-next-line {finding.rule}", document.source.newline)
    at = positions.offset(start)
    return types.CodeAction(
        title=f"Disable {finding.rule} for this line", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_workspace_edit(uri, version, [types.TextEdit(
            range=types.Range(start=at, end=at), new_text=text)]))


def disable_file_action(finding: Finding, diagnostic: types.Diagnostic, document: Document,
                        uri: str, version: int | None) -> types.CodeAction:
    """`<!-- reslint-disable-file CODE -->` on the first line of the file."""
    text = _comment_line(f"reslint-disable-file {finding.rule}", document.source.newline)
    top = types.Position(line=0, character=0)
    return types.CodeAction(
        title=f"Disable {finding.rule} for this file", kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_workspace_edit(uri, version, [types.TextEdit(
            range=types.Range(start=top, end=top), new_text=text)]))


def fix_all_action(document: Document, fixed_text: str | None, uri: str, version: int | None,
                   positions: Positions) -> types.CodeAction | None:
    """Every safe fix at once: the whole text replaced by what `--fix` would write."""
    if fixed_text is None or fixed_text == document.source.text:
        return None
    end = positions.offset(len(document.source.text))
    return types.CodeAction(
        title="Fix all safe reslint findings", kind=FIX_ALL,
        edit=_workspace_edit(uri, version, [types.TextEdit(
            range=types.Range(start=types.Position(line=0, character=0), end=end),
            new_text=fixed_text)]))


def actions_for(pairs: list[tuple[Finding, types.Diagnostic]], document: Document, uri: str,
                version: int | None, positions: Positions,
                fixed_text: Callable[[], str | None], only: list[str] | None
                ) -> list[types.CodeAction]:
    """The actions for the findings under the cursor, then "fix all"; `only` is the
    client's filter of kinds (None: all)."""
    def wanted(kind: str) -> bool:
        return only is None or any(kind == k or kind.startswith(k + ".") for k in only)

    out: list[types.CodeAction] = []
    if wanted(types.CodeActionKind.QuickFix):
        for finding, diag in pairs:
            action = fix_action(finding, diag, uri, version, positions)
            if action is not None:
                out.append(action)
        for finding, diag in pairs:
            out.append(disable_line_action(finding, diag, document, uri, version, positions))
            out.append(disable_file_action(finding, diag, document, uri, version))
    if wanted(FIX_ALL) and (only is not None or any(f.fix for f, _ in pairs)):
        action = fix_all_action(document, fixed_text(), uri, version, positions)
        if action is not None:
            out.append(action)
    return out
