"""Read the tagged Schedule II facts of an inline XBRL document, in one scan.

Inline XBRL tags each figure of a 10-K: an `ix:nonFraction` element names
its concept, context (period and dimension members), `sign`, `scale` and
the `format` its displayed text is written in.  This module finds the
facts of the Schedule II family of concepts (the rules file says which:
`xbrl.family`, a pattern on the concept's local name) and the contexts
they use, without parsing the HTML: regular expressions over the text the
HTML front end has already joined (`Source.joined`).

What matters here of the inline XBRL specification:
- `ix:exclude` inside a fact is not part of its displayed text;
- a fact inside `ix:hidden` is a fact all the same (not printed);
- `ix:continuation` continues only `ix:nonNumeric` facts, never a figure,
  so it does not matter for Schedule II;
- `xsi:nil="true"` is a nil fact: no value.
Nothing is fetched: the taxonomy is not needed, as the family and the axis
are recognised by name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Callable, Iterator, NamedTuple, Optional, Sequence, Union

from auditor.frontends.text.headings import without_tags
from auditor.labels import XBRL_SCHEDULE_BLOCK
from auditor.ruleset.patterns import Pattern
from auditor.source import Source

# XML names are case-sensitive, and every filing agent writes the prefix "ix".
NONFRACTION = re.compile(r"<ix:nonFraction\b([^>]*)>")
END = re.compile(r"<(/?)ix:nonFraction\b[^>]*?(/?)>")
NAME = re.compile(r"\bname\s*=\s*[\"']([^\"']*)")
# (Names are tried only where a run of name characters begins: from inside a
# long run, every start scanned to its end, in quadratic time.)
ATTR = re.compile(r"(?<![\w:.-])([\w:.-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
# ix:exclude elements, removed from a fact's displayed text: each start tag
# to the first end tag after it (two searches: a lazy ".*?" between them
# rescanned the rest of the text from every start, quadratic on many starts).
EXCLUDE_START = re.compile(r"<ix:exclude\b")
EXCLUDE_END = re.compile(r"</ix:exclude\s*>")
CONTEXT_TAG = re.compile(r"(<(?:[\w-]+:)?context)\b")
CONTEXT_ID_FIRST = re.compile(r"context\s+id\s*=\s*[\"']([^\"']+)")
CONTEXT_ID = re.compile(r"\bid\s*=\s*[\"']([^\"']+)")
CONTEXT_END = re.compile(r"</(?:[\w-]+:)?context\s*>")
PERIOD = re.compile(r"<(?:[\w-]+:)?(startDate|endDate|instant)\s*>\s*([^<\s]+)\s*<", re.IGNORECASE)
MEMBER = re.compile(r"<(?:[\w-]+:)?(explicitMember|typedMember)\b[^>]*?\bdimension\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)"
                    r"</(?:[\w-]+:)?(?:explicitMember|typedMember)\s*>", re.IGNORECASE | re.DOTALL)


class Context(NamedTuple):
    id: str
    start: Optional[date]  # None for an instant
    end: date  # the instant, or the duration's last day
    members: tuple  # ((dimension, member), ...) sorted by dimension

    @property
    def instant(self) -> bool:
        return self.start is None

    def member(self, axes: Union[str, tuple[str, ...]]) -> Optional[str]:
        """The member of the reserve axis (or of any of the reserve axes: a
        document may tag some reserves on one axis, others on another)."""
        names = (axes,) if isinstance(axes, str) else axes
        return next((m for d, m in self.members if local(d) in names), None)


class Fact(NamedTuple):
    id: str  # the element's id attribute, or "" when it has none
    concept: str  # qualified name as written: "us-gaap:ValuationAllowancesAndReservesBalance"
    context: Context
    value: Optional[Decimal]  # after format, scale and sign; None for a nil fact or an unreadable text
    text: str  # the displayed text
    sign: str  # "-" or ""
    scale: int
    decimals: Optional[str]  # as written ("-6", "INF") or None
    format: str  # as written, or ""
    start: int  # offsets in the joined text of the element, from "<ix:nonFraction" to past its end tag
    end: int
    hidden: bool
    problem: str = ""  # why the value could not be read

    @property
    def local(self) -> str:
        return local(self.concept)


class Facts(NamedTuple):
    facts: tuple  # of Fact, in document order
    places: dict  # offset of each fact's start and end -> (line, column), 1-based, laid-out columns
    blocks: tuple = ()  # (start, end) of each part of the Schedule II text blocks (`_schedule_blocks`)

    def position(self, offset: int) -> tuple:
        return self.places[offset]

    def in_schedule_block(self) -> frozenset[int]:
        """The ids of the facts printed in the Schedule II text block: of a fact
        printed twice (in a note's table too), the schedule's printing."""
        return frozenset(id(f) for f in self.facts if any(s <= f.start < e for s, e in self.blocks))


def local(qname: str) -> str:
    return qname.rsplit(":", 1)[-1]


def tagged(src: Source) -> bool:
    """Whether the document has inline XBRL figures at all (a cheap test)."""
    text = src.joined()
    return "<ix:nonFraction" in text


def read(src: Source, family: Pattern, kin: Optional[Callable[[str], bool]] = None,
         on_axis: Optional[Pattern] = None, axis: str = "") -> Facts:
    """Every fact of the family in the document, with its context.  `kin`: which
    local names of a company's own concepts may be the family's too (see `_kin`);
    `on_axis`: concepts that are the family's where tagged on a reserve's row
    (see `_on_reserve_axis`), `axis` the rules file's reserve axis."""
    text, starts = src.laid_out()  # (columns are counted with tabs expanded)
    found = _named(text, family)
    rows_only = not found and on_axis is not None
    if not found and on_axis is not None:  # (no fact of the family: the rows' own concepts may carry the schedule alone)
        found = [e for e in _named(text, on_axis) if kin is None or kin(local(e[2]))]
    if not found:
        return Facts((), {})
    resources = _resources(text)
    parsed = ContextsRead()  # (each context read once: the kindred ask for the same again, `_contexts`)
    contexts = _contexts(resources, {a.get("contextref", "") for _, a, _ in found}, parsed)
    if rows_only:
        found = _on_reserve_axis(found, [], contexts, axis)
        if not found:
            return Facts((), {})
    if kin is not None:
        kindred, siblings = _kindred(text, resources, found, contexts, kin, on_axis, axis, parsed)
        found = sorted(found + kindred, key=lambda e: e[0].start())
        contexts.update({cid: c for cid, c in siblings.items() if any(a.get("contextref") == cid for _, a, _ in kindred)})
    hidden = _spans(text, "<ix:hidden", "</ix:hidden>")
    shown_at = _shown_at(text) if hidden else {}
    facts = []
    for m, attrs, concept in found:
        context = contexts.get(attrs.get("contextref", ""))
        if context is None:
            continue  # a fact without its context is no fact (the document is not valid XBRL)
        end, inner = _content(text, m)
        is_hidden = any(s <= m.start() < e for s, e in hidden)
        start, end = m.start(), end
        if is_hidden and attrs.get("id") in shown_at:
            start, end = shown_at[attrs["id"]]
            is_hidden = False  # (printed where its -sec-ix-hidden element is)
        facts.append(_fact(attrs, concept, context, inner, start, end, is_hidden))
    facts = _without_entity(_adoptions(facts), axis)
    shown = [f.start for f in facts if not f.hidden]
    blocks = _schedule_blocks(text, max(0, min(shown) - BLOCK_REACH), max(shown)) if shown else ()
    return Facts(tuple(facts), _places(starts, [o for f in facts for o in (f.start, f.end)]), blocks)


BLOCK_NAME = XBRL_SCHEDULE_BLOCK  # (labels: the Schedule II text block's concept)
NONNUMERIC_END = re.compile(r"<(/?)ix:nonNumeric\b[^>]*?(/?)>")
CONTINUED_AT = re.compile(r"\bcontinuedAt\s*=\s*[\"']([^\"']+)")
MOST_PARTS = 100  # (a continuation chain longer than this, or a cycle, is not followed)
BLOCK_REACH = 20000  # how far before the first printed fact a text block's start tag may be (a title, headings)


def _schedule_blocks(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of each ix:nonNumeric element tagging the Schedule II text
    block, and of each ix:continuation continuing it: where the schedule is
    printed.  Found by the concept's name between `start` and `end` (around the
    printed facts: a 10-K is a megabyte, its schedule a page), not by reading
    every text block of the document."""
    spans: list[tuple[int, int]] = []
    at = start
    while (at := text.find(BLOCK_NAME, at, end)) != -1:
        tag = _block_start_tag(text, at)
        at += len(BLOCK_NAME)
        if tag is None or any(s <= tag[0] < e for s, e in spans):
            continue  # (not a text block's start tag, or one inside a block already found)
        opening, close = tag
        spans.append((opening, _nonnumeric_end(text, opening, close + 1)))
        spans += _continuations(text, text[opening : close + 1])
    return tuple(spans)


def schedule_block_at(text: str, at: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of the Schedule II text block whose concept's name is printed at `at`
    (with its continuations), or () where no ix:nonNumeric start tag names it there."""
    return _schedule_blocks(text, at, at + len(BLOCK_NAME)) if text.startswith(BLOCK_NAME, at) else ()


def schedule_block_start(text: str, at: int) -> Optional[int]:
    """Where the text block tagged with the Schedule II text block's concept that offset `at` (a
    table's start) is inside starts, its start tag within BLOCK_REACH before; None where `at` is
    in no such block.  The filer's own word that what it prints is the schedule, whatever the
    note's heading over it says (up to another schedule's heading in it: the caller's to ask)."""
    named = text.rfind(BLOCK_NAME, max(0, at - BLOCK_REACH), at)
    tag = _block_start_tag(text, named) if named != -1 else None
    return tag[0] if tag is not None and tag[1] < at and _nonnumeric_end(text, tag[0], tag[1] + 1) > at else None


def _block_start_tag(text: str, named: int) -> Optional[tuple[int, int]]:
    """Where the ix:nonNumeric start tag the concept's name at `named` stands in opens ("<")
    and closes (">"); None where the name stands in no such tag (a closing tag, a note's text)."""
    opening = text.rfind("<", 0, named)
    close = text.find(">", named)
    if opening == -1 or close == -1 or not text.startswith("<ix:nonNumeric", opening) or ">" in text[opening:named]:
        return None
    return opening, close


def _nonnumeric_end(text: str, opening: int, after: int) -> int:
    """Where the ix:nonNumeric element starting at `opening` ends (nested ones counted)."""
    if text[opening:after].rstrip(">").endswith("/"):
        return after
    depth = 1
    for m in _nonnumeric_tags(text, after, text.rfind(">") + 1):  # (see headings.without_tags)
        depth += -1 if m.group(1) else 0 if m.group(2) else 1
        if depth == 0:
            return m.end()
    return len(text)


NONNUMERIC_NAME = "ix:nonNumeric"  # (NONNUMERIC_END's literal, after its "<" or "</")


def _nonnumeric_tags(text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """NONNUMERIC_END.finditer(text, pos, endpos), tried only where its literal
    stands after "<" or "</" (every match starts so): the pattern's own search
    tries each character of the text block (1 M instructions of ibm-2023's check)."""
    at, reach = text.find(NONNUMERIC_NAME, pos, endpos), pos
    while at != -1:
        start = at - 1 if text[at - 1 : at] == "<" else at - 2 if text[at - 2 : at] == "</" else -1
        m = NONNUMERIC_END.match(text, start, endpos) if start >= reach else None  # (as finditer: no overlap)
        if m:
            yield m
            reach = m.end()
        at = text.find(NONNUMERIC_NAME, at + 1, endpos)


def _continuations(text: str, start_tag: str) -> list[tuple[int, int]]:
    """(start, end) of each ix:continuation a text block's `continuedAt` chain names."""
    spans: list[tuple[int, int]] = []
    named = CONTINUED_AT.search(start_tag)
    while named is not None and len(spans) < MOST_PARTS:
        opening = _continuation(text, named.group(1))
        if opening is None:
            break
        close = text.find(">", opening)
        end = text.find("</ix:continuation>", close)
        spans.append((opening, len(text) if end == -1 else end))
        named = CONTINUED_AT.search(text[opening : close + 1])
    return spans


def _continuation(text: str, cid: str) -> Optional[int]:
    """Where the ix:continuation whose id is `cid` starts, or None."""
    for quote in "\"'":
        at = 0
        while (at := text.find(f"id={quote}{cid}{quote}", at)) != -1:
            opening = text.rfind("<", 0, at)
            if text.startswith("<ix:continuation", opening) and ">" not in text[opening:at]:
                return opening
            at += 1
    return None


# Axes that say whose figures they are (the Edgar Filer Manual's registrant axis; srt's
# parent / subsidiaries / consolidated entity), never which reserve a row is.
ENTITY_AXES = {"LegalEntityAxis", "ConsolidatedEntitiesAxis"}
# Axes that say which version of a figure a fact is (a range's bound, a scenario, a figure as
# previously reported), never which reserve: a member of one on some facts is another cut of
# the reserve's figures (a note's "as previously reported", "between $X and $Y"), no row.
QUALIFYING_AXES = {"RangeAxis", "StatementScenarioAxis", "RestatementAxis",
                   "ErrorCorrectionsAndPriorPeriodAdjustmentsRestatementByRestatementPeriodAndAmountAxis"}
# Axes of a standard's adoption (ASC 326's in 2020): srt's period of adoption (the adjustment's
# member, or the adjusted balance's) and us-gaap's standard adopted (ASU 2016-13's member).  A
# balance tagged at a period's opening instant on one of them is the cumulative effect of adopting
# the standard on that balance: a movement of the period it opens, never a reserve's row.
ADOPTION_AXES = {"CumulativeEffectPeriodOfAdoptionAxis", "AdjustmentsForNewAccountingPronouncementsAxis"}
ADJUSTED_BALANCE = "CumulativeEffectPeriodOfAdoptionAdjustedBalanceMember"  # (a balance after adoption: no movement)
ADOPTION = " [CumulativeEffectPeriodOfAdoptionAdjustmentMember]"  # (an adoption's concept: the balance's, so marked)
Element = tuple  # (the start tag's match, its attributes, the concept's qualified name)


def _named(text: str, pattern: Pattern) -> list[Element]:
    """The ix:nonFraction elements whose concept's local name the pattern finds."""
    found = []
    for m in _elements(text, pattern):
        name = _name(m.group(1))
        if name is None or not pattern.search(local(name.group(1))):
            continue  # most figures of a 10-K are not Schedule II's: only their name is read
        found.append((m, _attributes(m.group(1)), name.group(1)))
    return found


def _name(attributes: str) -> Optional[re.Match[str]]:
    """NAME.search(attributes), tried only where "name" starts (every match of NAME
    starts so): the pattern's own search, led by a word boundary, tries each
    character of a start tag (some 14,000 instructions a fact of a 10-K's)."""
    at = attributes.find("name")
    while at != -1:
        m = NAME.match(attributes, at)  # (its \b sees the character before `at`, as search's does)
        if m:
            return m
        at = attributes.find("name", at + 1)
    return None


def _kindred(text: str, resources: str, found: list[Element], contexts: dict, kin: Callable[[str], bool],
             on_axis: Optional[Pattern], axis: str, parsed: Optional[ContextsRead] = None) -> tuple[list[Element], dict]:
    """The elements `_kin` adds (a company's own concepts; `on_axis`'s on a reserve's
    row), and the contexts they may use: a reserve's contexts of other periods, and
    (for `on_axis`) every context of a reserve axis."""
    axes = _axes_of(found, contexts, axis) if on_axis is not None else set()
    siblings = _contexts(resources, _naming(resources, {m for c in contexts.values() for _, m in c.members} | axes), parsed)
    every = {**siblings, **contexts}
    kindred = _kin(text, found, every, kin, on_axis)
    own = [e for e in kindred if e[2].rpartition(":")[0] not in STANDARD]
    standard = [e for e in kindred if e[2].rpartition(":")[0] in STANDARD]
    return sorted(own + _on_reserve_axis(standard, found, every, axis), key=lambda e: e[0].start()), siblings


def _on_reserve_axis(rows: list[Element], found: list[Element], contexts: dict, axis: str) -> list[Element]:
    """The elements of `rows` tagged on a reserve's row: their context names one
    member (besides a registrant's), of the rules file's axis or of an axis the
    family's own facts name so.  A balance sheet's allowance, tagged with no
    member, or a note's breakdown by portfolio segment, is no row of the schedule."""
    axes = _axes_of(found, contexts, axis)
    return [e for e in rows if _row_axis(contexts.get(e[1].get("contextref", ""))) in axes]


def _row_axis(context: Optional[Context]) -> Optional[str]:
    """The axis of a context's one member (a registrant's aside), or None."""
    named = [local(d) for d, _ in context.members if local(d) not in ENTITY_AXES] if context else []
    return named[0] if len(named) == 1 and named[0] not in QUALIFYING_AXES else None


def _axes_of(found: list[Element], contexts: dict, axis: str) -> set[str]:
    """The rules file's reserve axis and those the elements' contexts name alone."""
    return {axis} | {a for _, attrs, _ in found for a in [_row_axis(contexts.get(attrs.get("contextref", "")))] if a}


def _adoptions(facts: list) -> list:
    """The facts with each adoption's adjustment (`ADOPTION_AXES`) as a movement: of the
    period its instant opens (a duration the other facts tag, starting the next day or
    that day), or of the duration it is tagged for; its concept marked `ADOPTION` (the
    rules' `adoption` role reads it so), the adoption's members set aside.  An adjusted
    balance, or an adjustment at no period's start, keeps its context (no row: another
    dimension)."""
    ends: dict[date, date] = {}  # a period's first day -> its last (the longest tagged)
    for f in facts:
        if not f.context.instant and not _adopting(f.context):
            ends[f.context.start] = max(ends.get(f.context.start, f.context.end), f.context.end)
    out = []
    for f in facts:
        adopting = _adopting(f.context)
        if not adopting or any(local(m) == ADJUSTED_BALANCE for _, m in adopting):
            out.append(f)
            continue
        start, end = f.context.start, f.context.end  # (an adjustment tagged for its period: that period's)
        if f.context.instant:
            start = next((d for d in (end + timedelta(days=1), end) if d in ends), None)
            if start is None:
                out.append(f)
                continue
            end = ends[start]
        members = tuple(m for m in f.context.members if m not in adopting)
        context = f.context._replace(id=f.context.id + ADOPTION, start=start, end=end, members=members)
        out.append(f._replace(concept=f.concept + ADOPTION, context=context))
    return out


def _adopting(context: Context) -> list:
    """The members of a context on an axis of a standard's adoption."""
    return [(d, m) for d, m in context.members if local(d) in ADOPTION_AXES]


def _without_entity(facts: list, axis: str = "") -> list:
    """The facts with the members every one of their contexts names set aside: a
    dimension on all of the schedule's facts, the totals' too (dei:LegalEntityAxis
    naming the subsidiary registrant of a combined 10-K), says whose schedule it
    is, not which reserve a row is.  Where no context names another member (a
    schedule of one account, its member on every fact), only an entity's axis
    (`ENTITY_AXES`: dei:LegalEntityAxis, srt:ConsolidatedEntitiesAxis) or a
    qualifying one (`QUALIFYING_AXES`: a restated schedule's scenario) is set aside,
    or, where one of the members is on the rules file's reserve `axis`, every other
    (a geography, a segment on every fact: whose schedule, the reserve's member the row)."""
    common = set.intersection(*(set(f.context.members) for f in facts)) if facts else set()
    if all(set(f.context.members) <= common for f in facts):
        # (the rules file's reserve axis among them: its member is the account, the others say whose)
        on_axis = any(local(d) == axis for d, _ in common)
        common = {(d, m) for d, m in common if local(d) in ENTITY_AXES or local(d) in QUALIFYING_AXES
                  or on_axis and local(d) != axis}
    if not common:
        return facts
    return [f._replace(context=f.context._replace(members=tuple(m for m in f.context.members if m not in common)))
            for f in facts]


# The prefixes of the standard taxonomies: every other prefix names a company's own concept.
STANDARD = {"us-gaap", "srt", "dei", "ifrs-full", "country", "currency", "exch", "naics", "sic", "stpr", "ecd", "ffd"}
CONTEXT_REF = "contextRef="


def _kin(text: str, found: list, contexts: dict, kin: Callable[[str], bool], rows: Optional[Pattern] = None) -> list:
    """A company's own concepts tagged beside the family's, as the family's: filers
    tag a column no us-gaap concept names with an extension of their own
    ("abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries").  Such a concept
    is the family's where it is tagged in a context of a member (a reserve's own
    context: every fact there is about that reserve) that the family's facts use,
    and its name is one a role's `elements` read (`kin`); its facts in the
    family's other contexts (the total's) are then the family's too.  A standard
    concept `rows` names is taken in a member's context only (the caller keeps
    those of a reserve axis): in a total's it is a balance sheet's or a note's."""
    known = {m.start() for m, _, _ in found}
    dimensional = [c for c in contexts.values() if c.members]
    plain = [c for c in contexts.values() if not c.members]
    extra: list = []
    concepts: set[str] = set()
    for group, needs_known_concept in ((dimensional, False), (plain, True)):
        if needs_known_concept and not concepts:
            break  # (a total's context holds thousands of a 10-K's facts: visited only for a concept found)
        for m in _tags_in(text, {c.id for c in group}):
            if m.start() in known:
                continue
            attrs = _attributes(m.group(1))
            concept = attrs.get("name", "")
            prefix, _, name = concept.rpartition(":")
            if prefix in STANDARD and rows is not None and not needs_known_concept and rows.search(name) and kin(name):
                known.add(m.start())
                extra.append((m, attrs, concept))
                continue  # (never in `concepts`: not looked for in the totals' contexts)
            if prefix in STANDARD or not name or not (concept in concepts if needs_known_concept else kin(name)):
                continue
            known.add(m.start())
            concepts.add(concept)
            extra.append((m, attrs, concept))
    return sorted(extra, key=lambda e: e[0].start())


SEC_HIDDEN_START = "-sec-ix-hidden"
SEC_HIDDEN = re.compile(r"-sec-ix-hidden\s*:\s*([\w.-]+)")  # (its first characters SEC_HIDDEN_START)


def _shown_at(text: str) -> dict[str, tuple[int, int]]:
    """id of a hidden fact -> (start, end) of the element printing it: the SEC's
    Edgar Filer Manual lets a fact in ix:hidden be shown by an element whose style
    says `-sec-ix-hidden:ID` (filing software prints a nil's dash so).  The
    element's start tag to its first end tag: its printed text."""
    found: dict[str, tuple[int, int]] = {}
    # (SEC_HIDDEN.finditer, tried only where its literal starts: a search of the
    # whole text by the pattern cost five times the `str.find`, 6 M instructions in IBM's)
    at, reach = text.find(SEC_HIDDEN_START), 0
    while at != -1:
        m = SEC_HIDDEN.match(text, at) if at >= reach else None  # (as finditer: matches never overlap)
        if m:
            reach = m.end()
            opening = text.rfind("<", 0, m.start())
            close = text.find("</", m.end())
            if opening != -1 and close != -1:
                found.setdefault(m.group(1), (opening, close))
        at = text.find(SEC_HIDDEN_START, at + 1)
    return found


def _naming(resources: str, names: set[str]) -> set[str]:
    """The ids of the contexts naming one of `names`: a member the family's contexts
    name (a reserve's contexts of other periods, which only its extension facts may
    use), or a reserve axis."""
    ids: set[str] = set()
    for member in names - {""}:  # (an empty member, damaged, names nothing: found everywhere, it never ended)
        at = 0
        while (at := resources.find(member, at)) != -1:
            opening = resources.rfind("context", 0, at)
            found = CONTEXT_ID_FIRST.match(resources, opening) if opening != -1 else None
            if found:
                ids.add(found.group(1))
            at += len(member)
    return ids


def _tags_in(text: str, cids: set[str]) -> Iterator[re.Match[str]]:
    """The ix:nonFraction start tags that name one of the contexts `cids` (found
    by their contextRef, not by reading every tag of the document), in one pass
    over the text: a pass per context was a megabyte read ninety times over
    in a 10-K with ninety reserve contexts (36 M instructions of IBM's check)."""
    at = 0
    while (at := text.find(CONTEXT_REF, at)) != -1:
        value = at + len(CONTEXT_REF) + 1  # (past the quote, double or single)
        quote = text[value - 1 : value]
        if quote not in ('"', "'"):
            at = value
            continue
        end = text.find(quote, value)
        if end == -1:
            return
        if text[value:end] in cids:
            opening = text.rfind("<", 0, at)
            m = NONFRACTION.match(text, opening) if opening != -1 else None
            if m and m.end() > at:
                yield m
        at = end


def _elements(text: str, family: Pattern) -> Iterator[re.Match[str]]:
    """The ix:nonFraction start tags that may be the family's.  Where the family
    pattern begins with a literal ("^ValuationAllowances..."), only the tags
    around its occurrences after a prefix's colon are read (a 10-K has tens of
    thousands of figures, and a few dozen of Schedule II's); else every tag."""
    literals = _literals(family)
    if literals is None:
        yield from NONFRACTION.finditer(text, 0, text.rfind(">") + 1)  # (see headings.without_tags)
        return
    seen: set[int] = set()
    found: list[re.Match[str]] = []
    for literal in literals:
        needle, at = ":" + literal, 0
        while (at := text.find(needle, at)) != -1:
            opening = text.rfind("<", 0, at)
            if opening not in seen and text.startswith("<ix:nonFraction", opening):
                m = NONFRACTION.match(text, opening)
                if m and m.end() > at:
                    seen.add(opening)
                    found.append(m)
            at += len(needle)
    yield from sorted(found, key=lambda m: m.start()) if len(literals) > 1 else found


def _literals(family: Pattern) -> Optional[list[str]]:
    """The literals a pattern's names begin with ("^ValuationAllowances...", or
    "^(AccountsReceivable...|ProvisionFor...)"), or None where it is no such pattern."""
    if getattr(family, "flags", 0) & re.IGNORECASE:  # (a rules file's pattern is RE2's: no flags)
        return None
    one = re.match(r"\^([A-Za-z_][\w-]{5,})", family.pattern)
    if one is not None:
        return [one.group(1)]
    some = re.fullmatch(r"\^\(((?:[A-Za-z_][\w-]{5,}\|)*[A-Za-z_][\w-]{5,})\).*", family.pattern, re.DOTALL)
    return some.group(1).split("|") if some is not None else None


def _resources(text: str) -> str:
    """The ix:resources of the document (where its contexts are), or all of it.  An
    EDGAR submission of several inline documents (the 10-K, an exhibit holding the
    schedule) has a header in each, and a context may be declared in any of them."""
    parts, at = [], text.find("<ix:resources")
    while at != -1:
        end = text.find("</ix:resources>", at)
        if end == -1:
            break
        parts.append(text[at:end])
        at = text.find("<ix:resources", end)
    return "".join(parts) if parts else text


def _places(starts: Sequence[int], offsets: list) -> dict:
    """(line, column) of each offset in the laid-out text, from its line starts
    (no scan of the text: an inline XBRL document is a few megabytes)."""
    places = {}
    for offset in set(offsets):
        line = bisect_right(starts, offset)
        places[offset] = (line, offset - starts[line - 1] + 1)
    return places


def _attributes(text: str) -> dict:
    # (findall gives "" for the quote not used: a value in single quotes is the third group's)
    return {k.lower(): a or b for k, a, b in ATTR.findall(text)}


def _content(text: str, start: re.Match[str]) -> tuple[int, str]:
    """(end offset of the element, its inner markup); nested facts are part of it."""
    if start.group(1).rstrip().endswith("/"):
        return start.end(), ""
    depth, at = 1, start.end()
    for m in END.finditer(text, at, text.rfind(">") + 1):  # (see headings.without_tags)
        if m.group(1):
            depth -= 1
        elif not m.group(2):
            depth += 1
        if depth == 0:
            return m.end(), text[at:m.start()]
    return len(text), text[at:]


def _spans(text: str, opening: str, closing: str) -> list:
    spans, at = [], text.find(opening)
    while at != -1:
        end = text.find(closing, at)
        end = len(text) if end == -1 else end + len(closing)
        spans.append((at, end))
        at = text.find(opening, end)
    return spans


@dataclass
class ContextsRead:
    """The contexts of one document read already (`_contexts`): each by its start tag's offset and id
    (None: it names no period), and the answer to each set of ids asked."""
    tags: dict[tuple[int, str], Optional[Context]] = field(default_factory=dict)
    asks: dict[frozenset[str], dict[str, Context]] = field(default_factory=dict)


def _contexts(text: str, wanted: set, parsed: Optional[ContextsRead] = None) -> dict:
    """The contexts the family's facts use (a document declares thousands; only
    their start tags are visited, and only the wanted ones parsed).  `parsed`:
    those read already, kept by the caller that asks again (the kindred's
    contexts are often the family's own: not looked for again)."""
    asked = frozenset(wanted)
    if parsed is not None:
        if asked in parsed.asks:
            return dict(parsed.asks[asked])
        # (asked for fewer than before: each id's context is found apart from the others asked,
        # so the earlier answer, narrowed, is this one, in its order; khc-2023's kindred ask
        # 14 of the family's 21)
        wider = next((k for k in parsed.asks if asked < k), None)
        if wider is not None:
            contexts = {cid: c for cid, c in parsed.asks[wider].items() if cid in asked}
            parsed.asks[asked] = dict(contexts)
            return contexts
    contexts = {}
    for cid, start in _context_starts(text, wanted):
        if parsed is not None and (start, cid) in parsed.tags:
            context = parsed.tags[start, cid]
        else:
            context = _context(text, cid, start)
            if parsed is not None:
                parsed.tags[start, cid] = context
        if context is not None:
            contexts[cid] = context
    if parsed is not None:
        parsed.asks[asked] = dict(contexts)
    return contexts


def _context(text: str, cid: str, start: int) -> Optional[Context]:
    """The context `cid` whose start tag is at `start`; None where it names no period of days."""
    end = CONTEXT_END.search(text, start)
    body = text[start:end.start() if end else len(text)]
    dates = {k.lower(): v for k, v in PERIOD.findall(body)}
    try:
        if "instant" in dates:
            begin, last = None, _date(dates["instant"])
        else:
            begin, last = _date(dates["startdate"]), _date(dates["enddate"])
    except (KeyError, ValueError):
        return None  # "forever" or a malformed date: no Schedule II period
    members = tuple(sorted((d, " ".join(without_tags(v).split())) for _, d, v in MEMBER.findall(body)))
    return Context(cid, begin, last, members)


def _context_starts(text: str, wanted: set[str]) -> Iterator[tuple[str, int]]:
    """(id, offset) of each wanted context's start tag.  Filing software writes
    `id` first (`<xbrli:context id="c-1">`): those are found by one scan led by
    a literal; any other wanted context by visiting every context's start tag."""
    missing = set(wanted)
    for m in _ids_first(text):
        cid = m.group(1)
        if cid in missing and re.search(r"<(?:[\w-]+:)?$", text[max(0, m.start() - 40):m.start()]):
            missing.discard(cid)
            yield cid, text.rfind("<", 0, m.start())
            if not missing:
                return
    first = CONTEXT_TAG.search(text)
    if first is None:
        return
    at = first.start()
    while at != -1:
        close = text.find(">", at)
        found = CONTEXT_ID.search(text, at, close if close != -1 else len(text))
        if found and found.group(1) in missing:
            missing.discard(found.group(1))
            yield found.group(1), at
        at = text.find(first.group(1), at + 1)


def _ids_first(text: str) -> Iterator[re.Match[str]]:
    """CONTEXT_ID_FIRST.finditer(text), led by str.find: the regex's own
    search costs some fifteen instructions a character of the thousands of
    contexts a 10-K declares, `find` a few."""
    at, reach = text.find("context"), 0
    while at != -1:
        m = CONTEXT_ID_FIRST.match(text, at) if at >= reach else None
        if m:
            yield m
            reach = m.end()
        at = text.find("context", at + 1)


def _date(text: str) -> date:
    # xs:date or xs:dateTime; an end date written as midnight of the next day is the day before.
    if "T" in text:
        day, clock = text.split("T", 1)
        parsed = date.fromisoformat(day[:10])
        return parsed - timedelta(days=1) if clock.startswith("00:00:00") else parsed
    return date.fromisoformat(text[:10])


def _fact(attrs: dict[str, str], concept: str, context: Context, inner: str, start: int, end: int,
          hidden: bool) -> Fact:
    shown = _displayed(inner)
    sign = "-" if attrs.get("sign", "").strip() == "-" else ""
    fmt = attrs.get("format", "")
    written = attrs.get("scale", "0").strip() or "0"
    # An xs:integer; beyond two digits no power of ten a filing could mean.
    readable = re.fullmatch(r"[+-]?\d{1,2}", written) is not None
    scale = int(written) if readable else 0
    nil = attrs.get("xsi:nil", "").strip().lower() == "true"
    value, problem = (None, "") if nil else _value(shown, fmt, scale, sign)
    if not readable and not nil:
        value, problem = None, f"cannot read scale={written!r}"
    return Fact(attrs.get("id", ""), concept, context, value, shown, sign, scale, attrs.get("decimals"),
                fmt, start, end, hidden, problem)


def _without_excluded(inner: str) -> str:
    kept, at = [], 0
    while (start := EXCLUDE_START.search(inner, at)) is not None:
        end = EXCLUDE_END.search(inner, start.end())
        if end is None:
            break  # no end tag after this start: none after any later one either
        kept.append(inner[at : start.start()])
        at = end.end()
    return "".join(kept) + inner[at:]


def _displayed(inner: str) -> str:
    inner = _without_excluded(inner) if "exclude" in inner.lower() else inner
    text = without_tags(inner, "")
    if "&" in text:
        import html

        text = html.unescape(text)
    return " ".join(text.replace("\xa0", " ").split())


# --- transformation rules -----------------------------------------------------
# The formats of the Inline XBRL Transformation Registry (versions 1 to 5) and
# the SEC's own (ixt-sec) that a Schedule II figure is written in, by local name.

ZERO_FORMATS = {"fixed-zero", "fixedzero", "zerodash", "zero-dash", "fixed-empty", "numdash"}
# Group separators and a decimal point (TR 1's numcommadot, numspacedot; TR 3's Indian grouping;
# TR 5's apostrophes), or a decimal comma (TR 1's numdotcomma, numspacecomma, numcomma).
DOT_FORMATS = {"num-dot-decimal", "numdotdecimal", "numcommadot", "numspacedot", "numdotdecimalin",
               "num-dot-decimal-apos"}
COMMA_FORMATS = {"num-comma-decimal", "numcommadecimal", "numdotcomma", "numspacecomma", "numcomma",
                 "num-comma-decimal-apos"}
WORD_FORMATS = {"numwordsen", "num-words-en"}  # (the SEC's ixt-sec; a number in English words)
# A unit between the whole number and its hundredths ("5 dollars 20 cents", "1,234 Euro 5"): the
# whole number's "," and "." are group separators, the fraction one or two digits (TR 2-5).
UNIT_FORMATS = {"numunitdecimal", "num-unit-decimal", "num-unit-decimal-apos"}
# (The whole number entered only at its first character: from inside a long run of digits, every
# start scanned to its end, in quadratic time.)
UNIT_DECIMAL = re.compile(r"(?<![0-9.,' ])([0-9][0-9.,' ]*)[^0-9.,' ][^0-9]*([0-9]{1,2})[^0-9]*")
SMALL = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
GROUPS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
NO_NUMBER = {"no", "none", "nil"}


def _value(shown: str, fmt: str, scale: int, sign: str) -> tuple:
    """(value, problem): the displayed text read by its format, scaled, signed.  A
    format no Schedule II figure is read by (a date's, a duration's, ixt-sec:numinf) is
    named, never guessed as a plain number."""
    style = local(fmt).lower()
    plain = shown.replace(" ", "").replace("'", "")
    try:
        if style in ZERO_FORMATS:
            number = Decimal(0)
        elif style in WORD_FORMATS:
            number = Decimal(_words(shown))
        elif style in UNIT_FORMATS:
            number = _unit_decimal(shown)
        elif style in COMMA_FORMATS:
            number = _number(_grouped(plain, ".", ","))
        elif style in DOT_FORMATS or not fmt:  # (no format: an xs:decimal as printed)
            number = _number(_grouped(plain, ",", "."))
        else:
            return None, f"the format {fmt} is not one a Schedule II figure is read by ({shown!r} not read)"
    except (KeyError, InvalidOperation, ValueError):
        return None, f"cannot read {shown!r} as {fmt or 'a number'}"
    value = number.scaleb(scale)
    return (-value if sign else value), ""


def zero_word(shown: str, fmt: str) -> bool:
    """Whether a fact's printed word is a zero by its format: any text under a fixed-zero
    format, "no"/"none"/"nil" under ixt-sec:numwordsen (the format decides, not labels.NIL:
    "No" begins labels and sentences in every front end)."""
    style = local(fmt).lower()
    return style in ZERO_FORMATS or style in WORD_FORMATS and shown.lower().strip(" .") in NO_NUMBER


def _unit_decimal(text: str) -> Decimal:
    """num-unit-decimal's number: "5 dollars 20 cents" is 5.20, "1,234 dollars 5" 1234.05."""
    m = UNIT_DECIMAL.fullmatch(text.strip())
    if m is None:
        raise ValueError(text)
    whole = re.sub(r"[.,' ]", "", m.group(1))
    return _number(f"{whole}.{m.group(2).zfill(2)}")


def _grouped(text: str, separator: str, point: str) -> str:
    """The digits with the group separators dropped and the decimal point a dot; a
    separator after the point ("1.234,5" as num-dot-decimal) is no number of the format."""
    whole, has_point, fraction = text.partition(point)
    if separator in fraction:
        raise ValueError(text)
    return whole.replace(separator, "") + (f".{fraction}" if has_point else "")


def _words(text: str) -> int:
    """A number in English words, as ixt-sec:numwordsen reads it ("no", "none", "twelve",
    "one hundred and twenty-three thousand"); KeyError where a word is no number's."""
    words = [w for w in re.split(r"[\s,-]+", text.lower().strip(" .")) if w and w != "and"]
    if len(words) == 1 and words[0] in NO_NUMBER:
        return 0
    if not words:
        raise KeyError(text)
    total = group = 0
    for word in words:
        if word in SMALL or word in TENS:
            group += SMALL.get(word, 0) + TENS.get(word, 0)
        elif word == "hundred":
            group = (group or 1) * 100
        else:
            total, group = total + (group or 1) * GROUPS[word], 0
    return total + group


def _number(text: str) -> Decimal:
    if not re.fullmatch(r"\d+(\.\d*)?|\.\d+", text):
        raise ValueError(text)
    return Decimal(text)
