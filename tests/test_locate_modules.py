"""The text locator's modules: each says what it decides, they import one way (the lower never the
higher, none `locate`), and `locate` keeps the names other modules and the tests import from it."""

import ast
import importlib
from pathlib import Path

import pytest

TEXT = Path(__file__).resolve().parent.parent / "auditor" / "frontends" / "text"
# Lowest first: a module imports only those before it (and modules outside the locator).
LAYERS = ["region", "markup", "line_kinds", "note_headings", "table_columns", "tagged_end", "block_columns",
          "untagged_end", "parts", "locate"]


def _locator_imports(name: str) -> set[str]:
    tree = ast.parse((TEXT / f"{name}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "auditor.frontends.text":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("auditor.frontends.text."):
                found.add(node.module.rsplit(".", 1)[1])
    return found & set(LAYERS)


@pytest.mark.parametrize("name", LAYERS)
def test_each_module_says_what_it_decides_and_imports_only_lower_ones(name):
    module = importlib.import_module(f"auditor.frontends.text.{name}")
    assert module.__doc__ and len(module.__doc__.split()) >= 20
    lower = set(LAYERS[: LAYERS.index(name)])
    assert _locator_imports(name) <= lower, _locator_imports(name) - lower


def test_locate_keeps_the_names_others_import_from_it():
    from auditor.frontends.text import locate

    for name in ("regions", "Region", "part_after", "part_starts_within", "table_on_next_page", "title_units_above",
                 "html_documents", "FIGURES", "LONE_FIGURE", "markers_over_columns",
                 "heads_another_statement"):
        assert hasattr(locate, name), name


@pytest.mark.parametrize("name", ["wrapped", "parse"])
def test_the_readers_take_the_lines_kinds_and_region_from_their_modules_not_from_locate(name):
    # (s48-tidy2: locate re-exported line_kinds' nil and lone amount as "_NIL", "_LONE_AMOUNT" for wrapped;
    # a reader reaching them through the locator's entry points hid where they are defined.)
    assert "locate" not in _locator_imports(name)


def test_locate_no_longer_re_exports_private_names():
    from auditor.frontends.text import locate

    assert not hasattr(locate, "_NIL") and not hasattr(locate, "_LONE_AMOUNT")
