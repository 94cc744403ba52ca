"""Diagnostics as you type: the codes, messages and help of `credence check`, across files."""

import asyncio

from lsprotocol import types

from conftest import HEADER


async def diagnostics_for(client, uri, predicate, timeout=20.0):
    """Waits until the diagnostics published for `uri` satisfy `predicate`."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        current = client.diagnostics.get(uri)
        if current is not None and predicate(current):
            return current
        remaining = deadline - asyncio.get_running_loop().time()
        assert remaining > 0, f"no matching diagnostics for {uri}: {current}"
        try:
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), remaining
            )
        except asyncio.TimeoutError:
            pass


def open_document(client, uri, text, version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="credence", version=version, text=text)
        )
    )


def change_document(client, uri, text, version):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def test_unknown_name_is_reported_with_code_position_and_help(client):
    b = (client.workspace_root / "b.credence").as_uri()
    text = HEADER.format(title="B") + "let doubled = threshhold * 2\n"
    open_document(client, b, text)
    found = await diagnostics_for(client, b, lambda ds: any(d.code == "E0302" for d in ds))
    error = next(d for d in found if d.code == "E0302")
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("there is nothing named `threshhold`")
    assert "help: did you mean `threshold`?" in error.message
    # Line 5 (0-based 4), columns 14..24 in UTF-16 units.
    assert (error.range.start.line, error.range.start.character) == (4, 14)
    assert (error.range.end.line, error.range.end.character) == (4, 24)


async def test_fixing_an_edit_clears_the_diagnostics(client):
    b = (client.workspace_root / "b.credence").as_uri()
    broken = HEADER.format(title="B") + "let doubled = threshhold * 2\n"
    open_document(client, b, broken)
    await diagnostics_for(client, b, lambda ds: any(d.code == "E0302" for d in ds))
    change_document(client, b, HEADER.format(title="B") + "let doubled = threshold * 2\n", 2)
    await diagnostics_for(client, b, lambda ds: not any(d.severity == types.DiagnosticSeverity.Error for d in ds))


async def test_an_edit_in_one_file_reports_in_the_files_that_use_it(client):
    a = (client.workspace_root / "a.credence").as_uri()
    b = (client.workspace_root / "b.credence").as_uri()
    # Renaming `threshold` in the open file breaks the unopened file that uses it.
    open_document(client, a, HEADER.format(title="A") + "let limit = 5\n")
    found = await diagnostics_for(client, b, lambda ds: any(d.code == "E0302" for d in ds))
    assert any("`threshold`" in d.message for d in found)


async def test_a_half_typed_file_gets_a_syntax_error_not_a_crash(client):
    b = (client.workspace_root / "b.credence").as_uri()
    open_document(client, b, HEADER.format(title="B") + "let doubled = (threshold *\n")
    found = await diagnostics_for(client, b, lambda ds: any(d.severity == types.DiagnosticSeverity.Error for d in ds))
    assert all(d.code.startswith("E") or d.code.startswith("W") for d in found)
    # The server still answers after it.
    change_document(client, b, HEADER.format(title="B") + "let doubled = threshold * 2\n", 2)
    await diagnostics_for(client, b, lambda ds: not any(d.severity == types.DiagnosticSeverity.Error for d in ds))
