"""Hover, definition, references, symbols, completion, formatting and quick fixes, driven by
a real LSP client over stdio on a small two-file workspace."""

import pytest
from lsprotocol import types

from conftest import HEADER
from test_diagnostics import change_document, diagnostics_for, open_document

RULES = (
    HEADER.format(title="Rules")
    + 'scale letter: "C" < "B" < "A"\n'
    + "\n"
    + "## The credits a learner needs.\n"
    + "param threshold: Number =\n"
    + "    5 from 2020-01-01\n"
    + "    10 from 2025-01-01\n"
    + "\n"
    + "## Whether an enrolment has started by a date.\n"
    + "let started(e: Enrolment, d: Date) = e.start_on <= d\n"
)
USES = (
    HEADER.format(title="Uses")
    + "let doubled = threshold * 2\n"
    + 'stack gc "Graduate Certificate"\n'
    + "  require at least threshold credits\n"
)


@pytest.fixture
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    (root / "rules.credence").write_text(RULES)
    (root / "uses.credence").write_text(USES)
    return root


def uri(client, name):
    return (client.workspace_root / name).as_uri()


def at(line, character):
    return types.Position(line=line, character=character)


def doc(client, name):
    return types.TextDocumentIdentifier(uri=uri(client, name))


async def test_hover_shows_a_params_type_documentation_and_dated_values(client):
    # `threshold` in `let doubled = threshold * 2` (line 4 of uses).
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(client, "uses.credence"), position=at(4, 16))
    )
    text = hover.contents.value
    assert "param threshold: Number" in text
    assert "The credits a learner needs." in text
    assert "`5` from 2020-01-01" in text and "`10` from 2025-01-01" in text
    assert (hover.range.start.line, hover.range.start.character) == (4, 14)


async def test_hover_on_a_field_gives_its_meaning_from_the_records_contract(client):
    # `start_on` in `e.start_on` (line 12 of rules).
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(client, "rules.credence"), position=at(12, 40))
    )
    assert "enrolment.start_on: Date" in hover.contents.value
    assert "start date" in hover.contents.value


async def test_hover_on_a_let_function_shows_its_signature(client):
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(client, "rules.credence"), position=at(12, 6))
    )
    assert "let started(e: Enrolment, d: Date): Bool" in hover.contents.value
    assert "Whether an enrolment has started by a date." in hover.contents.value


async def test_definition_crosses_files(client):
    found = await client.text_document_definition_async(
        types.DefinitionParams(text_document=doc(client, "uses.credence"), position=at(4, 16))
    )
    location = found[0] if isinstance(found, list) else found
    assert location.uri == uri(client, "rules.credence")
    assert (location.range.start.line, location.range.start.character) == (7, 6)


async def test_references_lists_every_use_across_files(client):
    found = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=doc(client, "rules.credence"),
            position=at(7, 8),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    places = sorted((l.uri.rsplit("/", 1)[1], l.range.start.line, l.range.start.character) for l in found)
    assert places == [("rules.credence", 7, 6), ("uses.credence", 4, 14), ("uses.credence", 6, 19)]


async def test_document_symbols_outline_a_file(client):
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=doc(client, "rules.credence"))
    )
    assert [s.name for s in symbols] == ["letter", "threshold", "started"]
    assert symbols[1].kind == types.SymbolKind.Constant


async def test_workspace_symbols_find_names_in_every_file(client):
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="d"))
    names = [s.name for s in symbols]
    # Names starting with the query first.
    assert names[:1] == ["doubled"] and "started" in names and "threshold" in names
    assert all(s.location.uri.endswith(".credence") for s in symbols)


async def completion_labels(client, name, text, line, character):
    change_document(client, uri(client, name), text, 2)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=doc(client, name), position=at(line, character))
    )
    items = result.items if hasattr(result, "items") else result
    return {item.label for item in items}


async def test_completion_offers_names_in_scope_keywords_and_functions(client):
    open_document(client, uri(client, "uses.credence"), USES)
    labels = await completion_labels(client, "uses.credence", USES + "let more = thr\n", 7, 14)
    assert {"threshold", "doubled", "started", "count", "learner", "and", "if"} <= labels


async def test_completion_offers_record_fields_after_a_dot(client):
    open_document(client, uri(client, "uses.credence"), USES)
    labels = await completion_labels(client, "uses.credence", USES + "let born = learner.\n", 7, 19)
    assert {"birth_date", "citizenship", "awards"} <= labels
    assert "start_on" not in labels
    text = USES + "let s(e: Enrolment) = e.\n"
    labels = await completion_labels(client, "uses.credence", text, 7, 24)
    assert {"start_on", "credential", "fee"} <= labels and "birth_date" not in labels


async def test_completion_offers_declaration_keywords_at_the_start_of_a_line(client):
    open_document(client, uri(client, "uses.credence"), USES)
    labels = await completion_labels(client, "uses.credence", USES + "\n", 7, 0)
    assert {"let", "param", "stack", "fund", "test"} <= labels
    assert "threshold" not in labels


async def test_completion_offers_grades_inside_a_grade_comparison(client):
    open_document(client, uri(client, "uses.credence"), USES)
    text = USES + 'let top(a: Award) = a.grade >= "\n'
    labels = await completion_labels(client, "uses.credence", text, 7, 32)
    assert labels == {"A", "B", "C"}


async def test_formatting_returns_the_formatters_text(client):
    messy = HEADER.format(title="Uses") + "let   doubled =threshold*2\n"
    open_document(client, uri(client, "uses.credence"), messy)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc(client, "uses.credence"),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert len(edits) == 1
    assert "let doubled = threshold * 2\n" in edits[0].new_text
    assert edits[0].range.start == at(0, 0)


async def test_formatting_leaves_a_file_with_syntax_errors_alone(client):
    open_document(client, uri(client, "uses.credence"), HEADER.format(title="Uses") + "let doubled = (\n")
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(
            text_document=doc(client, "uses.credence"),
            options=types.FormattingOptions(tab_size=2, insert_spaces=True),
        )
    )
    assert not edits


async def test_a_quick_fix_applies_did_you_mean(client):
    broken = HEADER.format(title="Uses") + "let doubled = threshhold * 2\n"
    open_document(client, uri(client, "uses.credence"), broken)
    found = await diagnostics_for(client, uri(client, "uses.credence"), lambda ds: any(d.code == "E0302" for d in ds))
    error = next(d for d in found if d.code == "E0302")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(client, "uses.credence"),
            range=error.range,
            context=types.CodeActionContext(diagnostics=[error]),
        )
    )
    assert len(actions) == 1
    action = actions[0]
    assert action.kind == types.CodeActionKind.QuickFix
    (edit,) = action.edit.changes[uri(client, "uses.credence")]
    assert edit.new_text == "threshold" and edit.range == error.range
