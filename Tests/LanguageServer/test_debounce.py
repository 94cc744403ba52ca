"""Diagnostics are debounced: a burst of keystrokes makes one check, not one per keystroke,
and what is published is the last text."""

from lsprotocol import types

from conftest import HEADER
from test_diagnostics import change_document, diagnostics_for, open_document
from test_files_on_disk import checked, stats


async def test_a_burst_of_edits_is_checked_once_and_reports_the_last_text(client):
    b = (client.workspace_root / "b.credence").as_uri()
    open_document(client, b, HEADER.format(title="B") + "let doubled = threshold * 2\n")
    before = await checked(client, b)
    burst = 20
    for version in range(2, burst + 2):
        # Each keystroke's text is broken in its own way; only the last one's name should show.
        change_document(client, b, HEADER.format(title="B") + f"let doubled = typo{version} * 2\n", version)
    last = f"`typo{burst + 1}`"
    found = await diagnostics_for(client, b, lambda ds: any(last in d.message for d in ds))
    assert all("typo" not in d.message or last in d.message for d in found)
    # Well under one check a keystroke (one, unless the machine stalled the server mid-burst).
    assert (await stats(client))["checks"] - before["checks"] <= burst // 2
