"""A real LSP client (pytest-lsp) driving `credence lsp` over stdio on a temporary workspace."""

import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

CREDENCE = os.environ.get("CREDENCE", str(pathlib.Path(__file__).parents[2] / ".build/debug/credence"))

HEADER = 'policy "{title}"\n  authority "Tests"\n  version "1"\n\n'


@pytest.fixture
def workspace(tmp_path_factory):
    """Two files: `a` defines `threshold`, `b` uses it (checked together, as a folder)."""
    root = tmp_path_factory.mktemp("workspace")
    (root / "a.credence").write_text(HEADER.format(title="A") + "let threshold = 5\n")
    (root / "b.credence").write_text(HEADER.format(title="B") + "let doubled = threshold * 2\n")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[CREDENCE, "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    uri = workspace.as_uri()
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri=uri, name="workspace")],
        )
    )
    lsp_client.workspace_root = workspace
    yield
    await lsp_client.shutdown_session()
