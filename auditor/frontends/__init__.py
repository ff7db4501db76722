"""The front ends, by the kind of input each reads, and what each promises.

A front end finds the Schedule II tables of a source and lays each out as
located cells (`model.Schedule`), its columns' roles not yet assigned: the
pipeline runs the reading stage on what it returns.  Each is a package
exposing `tables(src, vocabulary, read)`; `read` is the reading stage, for a
front end whose layout depends on what columns mean (text: one-year tables
join where their columns read alike); it never reads what it returns.

Adding an input format is one package and one line in `FRONT_ENDS`.  Each is
imported only when an input of its kind comes, so that a run over text
exhibits never loads the HTML front end.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, NamedTuple, Optional, Protocol, cast

from auditor.model import Schedule
from auditor.source import Source

if TYPE_CHECKING:  # the rules' types, without loading the rules machinery with every front end
    from auditor.ruleset.rules import RoleSpec, RuleSet, XbrlVocabulary

Kind = str  # a key of FRONT_ENDS (a registry a new front end adds a line to, so not a Literal)

FRONT_ENDS: dict[Kind, str] = {
    "text": "auditor.frontends.text",  # EDGAR text exhibits (and tables in a <PRE>)
    "html": "auditor.frontends.html",  # HTML tables
    "xbrl": "auditor.frontends.xbrl",  # inline XBRL facts: their concepts name the columns
}

# The kinds a user may name with --input-format: those that read a printed
# table (the inline XBRL facts are read beside one, by --source).
def printed_kinds() -> tuple[str, ...]:
    return tuple(kind for kind in FRONT_ENDS if kind != "xbrl")


Read = Callable[[Schedule], Schedule]  # the reading stage on one laid-out table


class Vocabulary(NamedTuple):
    """What the rules file tells a front end: the role specs, whose patterns
    recognise a schedule's headings and whose `elements` name XBRL concepts,
    and which inline XBRL facts are Schedule II's (None: none are read)."""

    roles: tuple[RoleSpec, ...]
    xbrl: Optional[XbrlVocabulary]


def vocabulary_of(ruleset: RuleSet) -> Vocabulary:
    return Vocabulary(ruleset.roles, ruleset.xbrl)


class FrontEnd(Protocol):
    def tables(self, src: Source, vocabulary: Vocabulary, read: Read) -> list[Schedule]: ...


def front_end(kind: Kind) -> FrontEnd:
    """The front end of `kind`, imported now if it was not."""
    return cast(FrontEnd, importlib.import_module(FRONT_ENDS[kind]))
