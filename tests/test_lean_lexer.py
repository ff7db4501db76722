"""The text parser's lexer (parse._LeanLexer) is lark's contextual lexer with a leaner
loop: every line it reads, lark's own lexer reads alike, token for token, and where
lark refuses a line it refuses it with the same words at the same place."""

from pathlib import Path

import pytest
from lark.lexer import ContextualLexer

from auditor import source
from auditor.errors import InputError
from auditor.frontends.text import locate, parse
from auditor.frontends.text.locate import Region

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def lark_own(monkeypatch_module):
    """The parser built as parse builds it, with lark's own contextual lexer."""
    monkeypatch_module.setattr(parse, "_LeanLexer", ContextualLexer)
    parser = parse._parser.__wrapped__()
    monkeypatch_module.undo()
    assert type(parser.parser.lexer) is ContextualLexer
    assert type(parse._parser().parser.lexer) is parse._LeanLexer
    return parser


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _read(src, region, parser, monkeypatch):
    monkeypatch.setattr(parse, "_parser", lambda: parser)
    try:
        return parse.lines(src, region)
    except InputError as exc:
        return ("refused", str(exc), exc.line, exc.column)
    finally:
        monkeypatch.undo()


def _both(src, region, lark_own, monkeypatch):
    return _read(src, region, parse._parser(), monkeypatch), _read(src, region, lark_own, monkeypatch)


def test_every_region_of_every_text_fixture_is_read_as_lark_reads_it(lark_own, monkeypatch):
    read = 0
    for path in sorted(FIXTURES.glob("*.txt")):
        src = source.read(str(path))
        for region in locate.regions(src):
            lean, own = _both(src, region, lark_own, monkeypatch)
            assert lean == own, (path.name, region)
            read += 1
    assert read > 100  # (the fixtures' tables, not a handful)


# Blanks of every kind between a line's tokens and at its start (a rule's, a markers line's
# indent), leader dots, a dash-escaped rule, a refused line, and a region below line 1.
HOSTILE = [
    "Allowance\t for \f doubtful\t\t$ 1,200 \t  (300)\f 900  \n",
    "\t \f ------   ----\t====\n  <S>\t<C>  <C>\n- -------  -----\n",
    "  (1)\t (2)\n   Reserve........  \t 1,234 -  n/a \t*   5\n",
    "Balance at\tbeginning   2003   2002\f\nTotal    1,234   5,678  words after figures\n",
    "Allowance   1,234   \u00a7bad\n",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("above", [0, 7])
def test_blanks_of_every_kind_are_lexed_as_lark_lexes_them(text, above, lark_own, monkeypatch):
    src = source.from_text("\n" * above + text, "hostile.txt")
    region = Region(above + 1, above + text.count("\n"), above + 1)
    lean, own = _both(src, region, lark_own, monkeypatch)
    assert lean == own
