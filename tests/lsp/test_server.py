"""`reslint server` end to end, over stdio, driven by pytest-lsp as an editor would drive
it: diagnostics, quick fixes that make them go, suppressions, hover, settings, reload."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsp_repo import REPO, SLIPS, drafting_repo  # noqa: E402
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
CONFIG = ClientServerConfig(
    server_command=[sys.executable, "-m", "reslint", "server"],
    server_env={**os.environ, "PYTHONPATH": str(REPO)})


# One server for the module (starting one costs seconds); each test opens its own draft
# in its own drafting repository, and a test that changes settings puts them back.
pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=CONFIG, scope="module")
async def client(lsp_client: LanguageClient, request):
    root = request.getfixturevalue("tmp_path_factory").mktemp("workspace")
    registered = lsp_client.registered = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:  # what an editor does
        registered.extend(params.registrations)

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=root.as_uri(), workspace_folders=[
            types.WorkspaceFolder(uri=root.as_uri(), name="drafts")]))
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str, send) -> list[types.Diagnostic]:  # type: ignore[no-untyped-def]
    """Send, then wait for the diagnostics of `uri` (other open documents may be checked
    again first, after a settings change)."""
    client.diagnostics.pop(uri, None)
    send()
    for _ in range(120):  # up to a minute on a loaded machine
        if uri in client.diagnostics:
            break
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(client.wait_for_notification(PUBLISH), 0.5)
    return list(client.diagnostics[uri])


class Editor:
    """The open draft as the client holds it: its text, version and diagnostics."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.path = drafting_repo(root, "comma", "marker", "total", "date")
        self.uri = self.path.as_uri()
        self.text = self.path.read_text(encoding="utf-8")
        self.version = 1

    async def publish(self, send) -> list[types.Diagnostic]:  # type: ignore[no-untyped-def]
        return await published(self.client, self.uri, send)

    async def open(self) -> list[types.Diagnostic]:
        return await self.publish(lambda: self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
                uri=self.uri, language_id="plaintext", version=self.version,
                text=self.text))))

    async def change(self, text: str) -> list[types.Diagnostic]:
        self.text = text
        self.version += 1
        return await self.publish(lambda: self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=self.uri,
                                                                    version=self.version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)])))

    def apply(self, edit: types.WorkspaceEdit) -> str:
        """Apply a workspace edit to the text, as the editor does (last edit first)."""
        (change,) = edit.document_changes
        assert change.text_document.uri == self.uri
        assert change.text_document.version == self.version
        lines = self.text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))

        def offset(p: types.Position) -> int:  # the draft is BMP text: UTF-16 = code points
            return starts[p.line] + p.character

        text = self.text
        for e in sorted(change.edits, key=lambda e: offset(e.range.start), reverse=True):
            text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
        return text

    async def actions(self, diag: types.Diagnostic) -> list[types.CodeAction]:
        return list(await self.client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri), range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]))) or [])


def by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in diagnostics}


async def test_diagnostics_on_open(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    found = by_code(await editor.open())
    assert {"RES604", "RES504", "RES201", "RES102"} <= set(found)
    date = found["RES102"]
    line = editor.text.splitlines()[12]
    column = line.index("7 December 2021")
    assert (date.range.start.line, date.range.start.character) == (12, column)
    assert (date.range.end.line, date.range.end.character) == (12, column + 15)
    assert date.severity == types.DiagnosticSeverity.Error
    assert date.source == "reslint"
    assert date.message == "76/47 is cited as of 7 December 2021, but it was adopted on " \
                           "6 December 2021"
    assert date.code_description.href == (
        "https://github.com/reslint/reslint/blob/main/docs/rules.md#res102")
    assert found["RES604"].severity == types.DiagnosticSeverity.Warning
    for _, _, code, line_no in SLIPS.values():
        assert found[code].range.start.line == line_no - 1, code


async def test_cross_document_finding_names_the_previous(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    found = by_code(await editor.open())
    (related,) = found["RES102"].related_information
    assert related.location.uri == (editor.root / "adopted" / "A_RES_76_47.txt").as_uri()
    assert related.message.startswith("compared with the previous resolution (from the "
                                      "previous map of ")
    assert found["RES604"].related_information is None


async def test_safe_quick_fix_makes_the_diagnostic_go(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    date = by_code(await editor.open())["RES102"]
    actions = await editor.actions(date)
    fix = next(a for a in actions if a.title.startswith("Fix RES102"))
    assert fix.title == ("Fix RES102: 76/47 is cited as of 7 December 2021, but it was "
                         "adopted on 6 December 2021")
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred is True
    fixed = editor.apply(fix.edit)
    assert fixed == editor.text.replace("[76/47](#) of 7 December 2021",
                                        "[76/47](#) of 6 December 2021")
    after = by_code(await editor.change(fixed))
    assert "RES102" not in after
    assert {"RES504", "RES201", "RES604"} <= set(after)


async def test_unsafe_fix_is_marked(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    found = by_code(await editor.open())
    for code in ("RES201", "RES604"):
        fix = next(a for a in await editor.actions(found[code])
                   if a.title.startswith(f"Fix {code}"))
        assert fix.title.startswith(f"Fix {code} (unsafe): ")
        assert not fix.is_preferred


async def test_disable_for_this_line_and_file(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    marker = by_code(await editor.open())["RES504"]
    actions = {a.title: a for a in await editor.actions(marker)}
    line = actions["Disable RES504 for this line"]
    text = editor.apply(line.edit)
    assert text.splitlines()[46] == "<!-- reslint-disable-next-line RES504 -->"
    after = by_code(await editor.change(text))
    assert "RES504" not in after and "RES902" not in after
    comma = after["RES604"]
    whole = {a.title: a for a in await editor.actions(comma)}["Disable RES604 for this file"]
    text = editor.apply(whole.edit)
    assert text.splitlines()[0] == "<!-- reslint-disable-file RES604 -->"
    after = by_code(await editor.change(text))
    assert "RES604" not in after and "RES201" in after


async def test_fix_all(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    await editor.open()
    result = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri),
        range=types.Range(start=types.Position(line=0, character=0),
                          end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[],
                                        only=[types.CodeActionKind.SourceFixAll])))
    (fix_all,) = result
    assert fix_all.kind == "source.fixAll.reslint"
    after = by_code(await editor.change(editor.apply(fix_all.edit)))
    # the safe fix went (the date); the unsafe ones (total, comma) and the marker stay
    assert "RES102" not in after
    assert {"RES201", "RES604", "RES504"} <= set(after)


async def test_hover_on_a_finding_shows_rationale_and_facts(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    date = by_code(await editor.open())["RES102"]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri),
        position=date.range.start))
    value = hover.contents.value
    assert value.startswith("**RES102** `recalled-previous-date` (error)\n")
    assert "*Why:* The date of last year's resolution is its adoption date" in value
    assert "76/47 is cited as of 7 December 2021" in value
    assert "- `date_text(mine.date)` = 7 December 2021" in value
    assert "- `date_text(previous.adopted)` = 6 December 2021" in value


async def test_hover_on_a_citation_reads_the_library(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    await editor.open()
    line = editor.text.splitlines()[12]
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri),
        position=types.Position(line=12, character=line.index("76/47") + 1)))
    assert hover.contents.value.splitlines()[0] == (
        "**76/47** adopted on 6 December 2021: *Implementation of the Convention on "
        "Cluster Munitions*")
    assert "The draft cites it as of 7 December 2021." in hover.contents.value
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri),
        position=types.Position(line=12, character=line.index("63/71") + 1)))
    assert hover.contents.value.startswith("**63/71**: not found (the library ")


async def test_client_settings_and_config_reload(client: LanguageClient, tmp_path: Path):
    editor = Editor(client, tmp_path)
    assert "RES504" in by_code(await editor.open())
    after = await editor.publish(lambda: client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"reslint": {"ignore": ["RES504"]}})))
    assert "RES504" not in by_code(after) and "RES604" in by_code(after)
    config = editor.root / ".reslint.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "ignore: [RES604]\n",
                      encoding="utf-8")
    after = await editor.publish(lambda: client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=config.as_uri(), type=types.FileChangeType.Changed)])))
    assert "RES604" not in by_code(after) and "RES201" in by_code(after)
    await editor.publish(lambda: client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"reslint": {}})))


async def test_a_file_that_is_not_a_resolution_is_silent(client: LanguageClient,
                                                         tmp_path: Path):
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nTo do: ask the Secretariat.\n", encoding="utf-8")
    found = await published(client, notes.as_uri(), lambda: client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=notes.as_uri(), language_id="markdown", version=1, text=notes.read_text()))))
    assert found == []

