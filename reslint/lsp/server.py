"""The language server: pygls handlers around the library pipeline (`reslint.lint`).

Diagnostics on open, on save and, debounced, on change; code actions and hover from the
findings of the last check of each open document (kept here with the text they were
computed on, so a position always maps into the right text); settings from the client
(initializationOptions, workspace/didChangeConfiguration) on top of `.reslint.yaml`,
which the pipeline reads for each file as `check` does; everything checked again when
`.reslint.yaml` or a rule pack changes (watched files, or saved in the editor).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from reslint import __version__
from reslint._dataclass import dataclass, field
from reslint.errors import ReslintError
from reslint.lint import Linter, fix_document
from reslint.lsp import actions
from reslint.lsp.convert import SOURCE, Positions, diagnostic, overlaps
from reslint.lsp.hover import citation_at, citation_hover, finding_hover, library_resolution
from reslint.model import Document, Finding, RuleInfo

TEXT_SUFFIXES = (".md", ".markdown", ".txt")  # what an editor buffer can hold as text
WATCHED = ("**/.reslint.yaml", "**/*.yaml", "**/*.yml")


@dataclass
class Settings:
    """The client's settings (section `reslint`); `.reslint.yaml` still applies per file,
    as for `reslint check`: these are its command-line options."""

    config: str | None = None  # --config: this file instead of the discovered one
    rules: list[str] = field(default_factory=list)  # --rules
    select: list[str] = field(default_factory=list)  # --select
    ignore: list[str] = field(default_factory=list)  # --ignore
    lint_on_change: bool = True  # check while typing, not only on open and save
    debounce_ms: int = 300  # wait this long after the last keystroke

    @classmethod
    def from_client(cls, raw: Any) -> Settings:
        """Lenient: `{"reslint": {...}}` or the section itself; unknown keys are ignored,
        a wrong type keeps the default."""
        if isinstance(raw, dict) and isinstance(raw.get("reslint"), dict):
            raw = raw["reslint"]
        if not isinstance(raw, dict):
            return cls()
        out = cls()

        def strings(value: Any) -> list[str] | None:
            if isinstance(value, str):
                return [s.strip() for s in value.split(",") if s.strip()]
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return list(value)
            return None

        if isinstance(raw.get("config"), str) and raw["config"]:
            out.config = raw["config"]
        for key in ("rules", "select", "ignore"):
            value = strings(raw.get(key))
            if value is not None:
                setattr(out, key, value)
        if isinstance(raw.get("lintOnChange"), bool):
            out.lint_on_change = raw["lintOnChange"]
        if isinstance(raw.get("debounceMs"), int) and raw["debounceMs"] >= 0:
            out.debounce_ms = raw["debounceMs"]
        return out


@dataclass
class Checked:
    """The last check of one open document, with the text it was made on."""

    uri: str
    version: int | None
    document: Document
    positions: Positions
    pairs: list[tuple[Finding, types.Diagnostic]]
    rules: dict[str, RuleInfo]
    previous: Document | None
    previous_reason: str
    library: str | None


class ReslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("reslint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.linter = self._new_linter()
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    def _new_linter(self) -> Linter:
        s = self.settings
        return Linter(config=s.config, rules=s.rules, select=s.select, ignore=s.ignore)

    # --- checking ------------------------------------------------------------------------

    def check(self, uri: str) -> None:
        """Check the open document now and publish its diagnostics."""
        self.pending.pop(uri, None)
        text_doc = self.workspace.get_text_document(uri)
        path = to_fs_path(uri)
        if not path or not path.lower().endswith(TEXT_SUFFIXES):
            return
        try:
            diagnostics = self._check(uri, path, text_doc.source, text_doc.version,
                                      text_doc.position_codec)
        except ReslintError as exc:
            self.checked.pop(uri, None)
            diagnostics = self._error(exc)
        except Exception as exc:  # a crash must not take the editor's server down
            self.checked.pop(uri, None)
            self.window_log_message(types.LogMessageParams(
                type=types.MessageType.Error, message=f"reslint: {path}: {exc!r}"))
            diagnostics = []
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=text_doc.version, diagnostics=diagnostics))

    def _check(self, uri: str, path: str, text: str, version: int | None, codec: Any
               ) -> list[types.Diagnostic]:
        result = self.linter.check_text(text, path)
        config = self.linter.config(path)
        ruleset = self.linter.ruleset(config)
        cross = {r.code for r in ruleset.rules if "previous" in repr(r.raw)}
        positions = Positions(result.document.source, codec)
        previous = None
        if result.previous is not None and result.previous.path:
            previous = (from_fs_path(os.path.abspath(result.previous.path)) or "",
                        result.previous_reason or result.previous.path)
        pairs = [(f, diagnostic(f, positions, result.rules.get(f.rule),
                                previous if f.rule in cross else None))
                 for f in result.findings]
        self.checked[uri] = Checked(uri, version, result.document, positions, pairs,
                                    result.rules, result.previous, result.previous_reason,
                                    config.library)
        return [d for _, d in pairs]

    @staticmethod
    def _error(exc: ReslintError) -> list[types.Diagnostic]:
        """A file that is not a resolution (a README) is not an error in an editor; a broken
        configuration or rule pack is, on the first line, naming the file."""
        message = getattr(exc, "message", str(exc))
        if message.startswith(("no resolution found", "empty file")):
            return []
        top = types.Range(start=types.Position(line=0, character=0),
                          end=types.Position(line=0, character=0))
        return [types.Diagnostic(range=top, message=str(exc), source=SOURCE,
                                 severity=types.DiagnosticSeverity.Error)]

    def schedule(self, uri: str) -> None:
        """Check after `debounce_ms` without a change (each change restarts the wait)."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()

        async def later() -> None:
            await asyncio.sleep(self.settings.debounce_ms / 1000)
            self.check(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    def reload(self) -> None:
        """A configuration or rule pack changed: new linter, every open document again."""
        self.linter = self._new_linter()
        for uri in list(self.workspace.text_documents):
            self.check(uri)

    # --- code actions and hover -------------------------------------------------------

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        state = self.checked.get(params.text_document.uri)
        if state is None:
            return []
        pairs = [(f, d) for f, d in state.pairs
                 if overlaps(f.span, state.positions, params.range)]

        def fixed_text() -> str | None:
            config = self.linter.config(state.document.path)
            fixed = fix_document(state.document, [f for f, _ in state.pairs], state.previous,
                                 self.linter.ruleset(config), config, state.previous_reason)
            return None if fixed.refused else fixed.text

        only = list(params.context.only) if params.context.only else None
        return actions.actions_for(pairs, state.document, state.uri, state.version,
                                   state.positions, fixed_text, only)

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        state = self.checked.get(params.text_document.uri)
        if state is None:
            return None
        offset = state.positions.to_offset(params.position)
        point = types.Range(start=params.position, end=params.position)
        under = [(f, d) for f, d in state.pairs if overlaps(f.span, state.positions, point)]
        # the narrowest finding: a paragraph-wide one must not hide a word's
        under.sort(key=lambda p: p[0].span.end - p[0].span.start)
        parts: list[str] = []
        span_range = under[0][1].range if under else None
        citation = citation_at(state.document, offset)
        if citation is not None:  # the cited resolution first, then what is wrong here
            found = library_resolution(state.library, citation.symbol, state.previous)
            parts.append(citation_hover(citation, found, state.library))
            span_range = state.positions.span(citation.span)
        if under:
            finding = under[0][0]
            parts.append(finding_hover(finding, state.rules.get(finding.rule)))
        if not parts:
            return None
        return types.Hover(contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n---\n\n".join(parts)), range=span_range)


def build() -> ReslintServer:
    server = ReslintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ReslintServer, params: types.InitializeParams) -> None:
        ls.settings = Settings.from_client(params.initialization_options)
        ls.linter = ls._new_linter()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ReslintServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities.workspace
        if caps and caps.did_change_watched_files and \
                caps.did_change_watched_files.dynamic_registration:
            await ls.client_register_capability_async(types.RegistrationParams(
                registrations=[types.Registration(
                    id="reslint-watched-files",
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=[types.FileSystemWatcher(glob_pattern=g)
                                  for g in WATCHED]))]))
        if caps and caps.configuration:
            found = await ls.workspace_configuration_async(types.ConfigurationParams(
                items=[types.ConfigurationItem(section="reslint")]))
            if found and isinstance(found[0], dict):
                ls.settings = Settings.from_client(found[0])
                ls.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReslintServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.settings.lint_on_change:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReslintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri) or ""
        if path.endswith((".yaml", ".yml")):
            ls.reload()  # .reslint.yaml or a rule pack, saved in the editor
        else:
            ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReslintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: ReslintServer,
                                 params: types.DidChangeConfigurationParams) -> None:
        if params.settings:
            ls.settings = Settings.from_client(params.settings)
        ls.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched(ls: ReslintServer,
                           params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]))
    def code_action(ls: ReslintServer, params: types.CodeActionParams
                    ) -> list[types.CodeAction]:
        return ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: ReslintServer, params: types.HoverParams) -> types.Hover | None:
        return ls.hover(params)

    return server


def main() -> int:
    build().start_io()
    return 0
