"""Files on disk that are not open: read again only when they changed, and a change behind the
editor's back (reported by the client's file watcher) updates their diagnostics."""

import os

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import CREDENCE, HEADER
from test_diagnostics import change_document, diagnostics_for, open_document


async def stats(client):
    """The server's counters (`$/credence/stats`): checks made and files read from disk."""
    result = await client.protocol.send_request_async("$/credence/stats", {})
    return {"checks": result.checks, "filesRead": result.filesRead}


async def checked(client, uri):
    """The counters once the server has checked the latest edits (a request about names
    checks first when an edit came since the last check)."""
    await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    return await stats(client)


def no_errors(diagnostics):
    return not any(d.severity == types.DiagnosticSeverity.Error for d in diagnostics)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CREDENCE, "lsp"]))
async def watching_client(lsp_client: LanguageClient, workspace):
    """A client that lets the server register a file watcher, and records what it registers."""
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    uri = workspace.as_uri()
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        )
    )
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities,
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri=uri, name="workspace")],
        )
    )
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()


def watched_change(client, path):
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]
        )
    )


async def test_the_server_registers_a_watcher_for_policy_files(watching_client):
    a = (watching_client.workspace_root / "a.credence").as_uri()
    open_document(watching_client, a, HEADER.format(title="A") + "let threshold = 5\n")
    await checked(watching_client, a)
    watchers = [
        watcher
        for registration in watching_client.registrations
        if registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for watcher in registration.register_options["watchers"]
    ]
    assert [w["globPattern"] for w in watchers] == ["**/*.credence"]


async def test_a_file_changed_behind_the_editor_gets_its_diagnostics_updated(watching_client):
    root = watching_client.workspace_root
    a = (root / "a.credence").as_uri()
    b = root / "b.credence"
    open_document(watching_client, a, HEADER.format(title="A") + "let threshold = 5\n")
    await checked(watching_client, a)
    # Another program breaks `b` on disk; the watcher says so.
    b.write_text(HEADER.format(title="B") + "let doubled = threshhold * 2\n")
    watched_change(watching_client, b)
    found = await diagnostics_for(watching_client, b.as_uri(), lambda ds: any(d.code == "E0302" for d in ds))
    assert any("`threshhold`" in d.message for d in found)
    # And mends it.
    b.write_text(HEADER.format(title="B") + "let doubled = threshold * 2\n")
    watched_change(watching_client, b)
    await diagnostics_for(watching_client, b.as_uri(), no_errors)


async def test_a_rewrite_the_clock_cannot_see_is_read_again_when_the_watcher_reports_it(watching_client):
    root = watching_client.workspace_root
    a = (root / "a.credence").as_uri()
    b = root / "b.credence"
    open_document(watching_client, a, HEADER.format(title="A") + "let threshold = 5\n")
    await checked(watching_client, a)
    # Same size and modification time as before: only the watcher can tell.
    before = os.stat(b)
    b.write_text(HEADER.format(title="B") + "let doubled = thresholt * 2\n")
    os.utime(b, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(b).st_size == before.st_size
    watched_change(watching_client, b)
    await diagnostics_for(watching_client, b.as_uri(), lambda ds: any(d.code == "E0302" for d in ds))


async def test_unchanged_files_are_not_read_again(client):
    root = client.workspace_root
    a = (root / "a.credence").as_uri()
    open_document(client, a, HEADER.format(title="A") + "let threshold = 5\n")
    first = await checked(client, a)
    # `b` was read from disk (and `a` too, if a check ran before it was opened).
    assert first["filesRead"] in (1, 2)
    for version in range(2, 5):
        change_document(client, a, HEADER.format(title="A") + f"let threshold = {version}\n", version)
        await checked(client, a)
    after_edits = await stats(client)
    assert after_edits["checks"] > first["checks"]
    assert after_edits["filesRead"] == first["filesRead"]


async def test_without_a_watcher_a_save_notices_a_file_changed_on_disk(client):
    root = client.workspace_root
    a = (root / "a.credence").as_uri()
    b = root / "b.credence"
    open_document(client, a, HEADER.format(title="A") + "let threshold = 5\n")
    before = await checked(client, a)
    b.write_text(HEADER.format(title="B") + "let doubled = threshhold * 2 + 1\n")
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=a)))
    await diagnostics_for(client, b.as_uri(), lambda ds: any(d.code == "E0302" for d in ds))
    assert (await stats(client))["filesRead"] == before["filesRead"] + 1
