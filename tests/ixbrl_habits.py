"""The habits of real inline XBRL Schedule II tables, as edits of a tagged render.

Test support, not part of the tool.  `render_filing`'s ixbrl-2023 render tags
every figure with one concept and contexts it never declares: its facts are
no facts.  `tagged` tags a real table as filing software does (Workiva, DFIN,
Toppan Merrill, GoFiler 10-Ks of 2019-2024): each column's us-gaap concept,
a context per period and row (the row's member on
ValuationAllowancesAndReservesTypeAxis, a total none), balances at instants
(the opening one the day before the period), deductions as amounts taken
(`sign="-"` only where a fact is negative).  Each habit below is one edit of
that document, kept with its sentinels (render_html.SENTINEL) so that where
each figure is printed is still known:

- extension-movements: the movements tagged with company-extension concepts
  ("abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries"), as filers do
  where no us-gaap concept names their column;
- extension-axis: the reserves on the filer's own axis and members
  (abc:AllowanceAndReserveTypeAxis, abc:...Member);
- millions: the table in millions, printed with decimals ("11.654"), each fact
  scale="6" (the real 10-Ks here are all scale="6");
- sign-deductions: deductions printed in parentheses tagged negative too
  (sign="-" on a Deductions fact: the value the filer meant taken, signed as printed);
- nil-facts: nils as xsi:nil="true" facts ("—"), not ixt:fixed-zero;
- numwords: nils printed "None" as ixt-sec:numwordsen;
- hidden-duplicates: every movement also tagged again in ix:hidden, same value;
- sec-hidden: nils' facts in ix:hidden, the printed dash a span whose
  -sec-ix-hidden style names the hidden fact;
- continuation: the text block holding the table cut at a page break and
  continued (ix:continuation) after it, the table split in two;
- member-whitespace: explicitMember written over lines, indented;
- fiscal-fy: periods headed "Fiscal 2024" / "FY24";
- weeks-52-53: a 52/53-week year ending on a Saturday, some rows' opening
  balances tagged at the first day instead of the day before;
- div-cells: the table as <div>s with display:table-row / table-cell styles
  (converters from page-layout software write it so);
- legal-entity: every context also on dei:LegalEntityAxis (a subsidiary
  registrant's page of a combined 10-K), the totals' on it alone;
- two-registrants: the parent's schedule, then the subsidiary's under a title
  of its own, the same accounts and years, its contexts on dei:LegalEntityAxis;
- notes-copy: the table printed again in the notes before the schedule, its
  figures tagged in the same contexts (other ids), no title of its own (and,
  `tables_unread`, the same page checked from its facts alone: each fact
  placed where the Schedule II text block prints it);
- tr3-formats: ixt:numdotdecimal / ixt:zerodash (Transformation Registry 3
  names), decimals="INF" on the nils;
- attribute-order: the attributes in DFIN's order (unitRef, contextRef, ...);
- nested-balances: each balance tagged again with a balance sheet concept, the
  two ix:nonFraction elements nested (the family's inside or outside);
- footnote-markers: "<sup>(1)</sup>" after a figure in its cell, ix:footnote
  and ix:relationship tying the note to the fact;
- header-at-end: the hidden ix:header at the end of the body;
- totals-untagged: the total rows printed, not tagged;
- untagged-column: the last movement column printed, not tagged;
- standard-members: us-gaap's members where one fits a reserve
  (AllowanceForCreditLossMember, ValuationAllowanceOfDeferredTaxAssetsMember, ...);
- nested-textblocks: the table tagged again as a table text block inside the
  disclosure's text block;
- span-inside: each figure's digits in a styled span inside its element;
- no-ids: facts without id attributes;
- transposed: the years as columns, a block of movement rows per account;
- scale-slip: the table in millions, its facts scale="3" (a tagging slip: the
  tool says so once, at the first figure; `test_ixbrl_habits` expects it).

A second look (s26-redixbrl2), each habit again one edit:
- page-split: the table cut at a page break into two tables, the headings repeated,
  the page footer and running head in ix:exclude inside the text block;
- hidden-facts: every fact in ix:hidden, the print untagged and unlinked;
- label-markers: Workiva's position:relative "(1)" spans after labels and figures;
- dash-glyphs: nils under ixt:fixed-zero printed "–", "-", "−", "— ";
- paren-cells: a negative's ")" in a cell of its own;
- wrapped-lines: start tags wrapped one attribute a line, a cell a line;
- table-only-block: the text block around the table alone, the title outside;
- cell-paragraphs: each cell's content in a <p style="margin:0">;
- field-comments: "<!-- Field: ... -->" comments between rows and inside cells;
- label-breaks: long labels broken by <br/>, the second line set in;
- continued-headings: ix:continuation with the column headings repeated;
- units-row, millions-row, scale-slip-row: the units in a row of the table, not the title;
- heading-table, thead: the headings in a table of their own; <thead>/<tbody>/<colgroup>;
- nils-untagged: the dashes printed, not tagged;
- openings-at-start: every opening balance tagged at the period's first day;
- duplicate-contexts, opaque-ids: contexts written twice; ids that say nothing;
- STYLED: other software's layouts (HtmlStyle: a table per account, accounts as
  columns, two parts, headings over rows, reversed periods, ...);
- display-none: a member's name and a duplicate fact in display:none spans in cells;
- minus-negatives: negatives printed "-1,234", the minus outside the tag.

And (stop 27) sec-hidden-mixed: every other figure's fact in ix:hidden, printed under a
-sec-ix-hidden span, the rest tagged in place.
A third look (s27-redixbrl3), each habit again one edit:
- exclude-markers: a "(1)" marker in ix:exclude inside a figure's fact (not in parentheses);
- chained-continuation: the text block in three parts, each continuation naming the next;
- decimals-inf, registry-prefixes: decimals="INF" everywhere; formats as ixt4:/ixt5:;
- hidden-dollars: every figure again in ix:hidden at scale="0", its digits written out;
- parenthetical-balances: a reserve's closing balances in a sentence before the schedule,
  tagged with the family's balance in the schedule's contexts (the same fact twice);
- consolidated-entity, geography: srt:ConsolidatedEntitiesAxis / srt:StatementGeographicalAxis
  on every context; entity-on-rows: dei:LegalEntityAxis on the reserves' contexts alone;
- member-totals: the totals on a member of their own;
- gross-writeoffs-note, current-portion, earlier-year-note: the first reserve given again
  outside the schedule in us-gaap's receivable concepts in its own contexts (`xbrl.on_axis`
  probed): gross write-offs and recoveries, the balance sheet's current part, a third year;
- block-only: only the text block tagged, no figure (FACTLESS in the test);
- sign-unprinted, parens-unsigned: deductions printed plain tagged sign="-"; negatives in
  parentheses tagged unsigned (each such tag is expected found at its cell: `misigned`);
- notes-after: the table printed again in a note after the schedule (its heading "Note 5 —").
A fourth look (s28-ixbrl4):
- scale-one, scale-column: one fact, or one movement column's facts, tagged scale three places
  above the rest (each expected found at its cell: `misigned`); decimals-coarse: decimals="-5"
  with scale="3";
- comma-decimal: figures without separators under ixt:num-comma-decimal / ixt:numcommadecimal;
- paren-markers, paren-excluded, paren-plain: "(93(1))", the marker a <sup> after the tag or in
  ix:exclude inside it, or plain text in ix:exclude inside it;
- range-note, scenario-note: a reserve's figures again in a note on srt:RangeAxis or as
  previously reported (srt:StatementScenarioAxis); scenario-all: a scenario on every context;
- duration-balances: balances tagged for the period's duration (each column expected found once,
  at one of its cells, naming the others: `misplaced`);
- exhibit-document, exhibit-contexts-first, exhibit-hidden: the schedule in EX-99.1 of an EDGAR
  .txt submission after the 10-K's document, each with an ix:header (the contexts in the
  exhibit's or the 10-K's; every fact hidden);
- single-quotes, scenario-element, midnight-dates, default-namespace, ids-in-contexts: other
  writers' XML (attributes in single quotes, members in xbrli:scenario, xs:dateTime periods,
  the XBRL namespace as default, DFIN-style context ids); two-blocks: the table in two text
  blocks of the schedule's concept.
A fifth look (s29-ixbrl5):
- adoption-column, adoption-row: ASC 326's cumulative effect in a column "Adoption of ASC 326"
  before the provision (the first period's, a dash in the others), or as a row of each account's
  block (transposed), tagged as the family's balance at the opening instant on the reserve's
  member and srt:CumulativeEffectPeriodOfAdoptionAxis's adjustment member (`with_adoption`);
  adoption-asu: also on us-gaap:AdjustmentsForNewAccountingPronouncementsAxis (ASU 2016-13's
  member); adoption-pronouncement: on that axis alone; adoption-duration: the adjustments'
  concept for the year on the adoption member; adoption-adjusted: the adjusted opening balances
  tagged too, in ix:hidden (srt's adjusted balance member).  Each also checks the facts alone;
- dollar-excluded: "$" in an ix:exclude inside each positive figure's fact; parens-excluded: a
  negative's parentheses in ix:exclude inside its fact.
A sixth look (s30-ixbrl6):
- adoption-adjusted-column, adoption-adjusted-row: the adoption's column (row) right after the
  balance at beginning, then "Balance at beginning of year, as adjusted" (`with_adjusted`), tagged
  as the balance at the opening instant on srt's adjusted balance member where the period adopts;
- adoption-negative: the adoption a release printed "(x)", tagged as the balance's, sign="-";
  adoption-deduction: the same release tagged with the deductions' concept for the year on the
  adoption member, the amount taken positive (a subtracting concept);
- fixed-empty: nils under ixt:fixed-empty; numwords-no: nils printed "no" (ixt-sec:numwordsen);
  millions-tenths: millions to one decimal ("123.4"), scale="6" decimals="-5";
- tagged-twice: each figure's fact nested in another of its concept in a copy of its context.
A seventh look (s32-ixbrl2): layouts of other filing software, listed at SEVENTH below (css
alignment, two-level headings with rowspan, labels in a row over their figures, a "(continued)"
title, the schedule as Item 8's last note, rowspan labels and periods, <th>, nil glyphs, ...).
An eighth look (s33-ixbrlnote), at EIGHTH below: the schedule under other titles ("Schedule II"
alone or over another caption, "Valuation Accounts"), and as a note "Note 21. Allowances and
Reserves": read where its text block is the schedule's concept or its columns are lettered
A-E, else (a notes roll-forward: NOT_SCHEDULE) not read, its facts checked alone (VX003).
And NINTH: the units in a merged cell over the headings, an ix:header of contexts alone,
<sup> markers on labels and footnote rows, "Acquisitions" and "Foreign Currency Translation"
columns after the provision.
And TENTH (s34-decoy4): that note lettered as filers spell Rule 12-09's letters ("Column A",
"COLUMN A", "Col. A"; "COL. A" is note-other-letters'), wrapped ("Column<br>D") or each letter on
a line of its own: read as Schedule II, each spelling alike.
And ELEVENTH (s35-ixbrl35): a schedule's heading typed as its table's first row: Schedule II's own
(read), or Schedule III's or IV's over a reconciliation in Schedule II's columns after Schedule II's
table in the same text block (never read as Schedule II).
And TWELFTH (s36-ixbrl36): a note's heading typed as the first row of a roll-forward after Schedule
II's table in the same text block (never read as Schedule II), and the title as filers vary it under
the filer's own text block (no sentence naming the accounts: the title alone says it is the schedule):
odd capitals, no spaces round the dash, a period after the number, "... and Reserves", split across
two cells of a layout table, inside an ix:nonNumeric of its own.
"""

from __future__ import annotations

import calendar
import copy
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from render import Rendered, YEAR, parse_cell, period_date
from render_filing import IXBRL_2023
from render_html import SENTINEL, css_table, place_sentinels, render
from render_software import _header, _relabel, edit as software_edit

BALANCE = "us-gaap:ValuationAllowancesAndReservesBalance"
CONCEPTS = {
    "charged_costs": "us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense",
    "charged_other": "us-gaap:ValuationAllowancesAndReservesChargedToOtherAccounts",
    "deductions": "us-gaap:ValuationAllowancesAndReservesDeductions",
    "credited_costs": "us-gaap:ValuationAllowancesAndReservesDeductions",
    "credited_other": "us-gaap:ValuationAllowancesAndReservesDeductions",
    "other": "us-gaap:ValuationAllowancesAndReservesAdjustments",
    # (no us-gaap concept: filers name these with extensions of the family's name)
    "writeoffs": "abc:ValuationAllowancesAndReservesWriteOffs",
    "translation": "abc:ValuationAllowancesAndReservesForeignCurrencyTranslation",
    "acquisitions": "abc:ValuationAllowancesAndReservesAcquisitions",
    "recoveries": "abc:ValuationAllowancesAndReservesRecoveries",
}
EXTENSIONS = {
    "charged_costs": "abc:AllowanceForDoubtfulAccountsProvisionChargedToExpense",
    "charged_other": "abc:AllowanceForDoubtfulAccountsChargedToOtherAccounts",
    "deductions": "abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries",
    "writeoffs": "abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries",
    "credited_costs": "abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries",
    "credited_other": "abc:AllowanceForDoubtfulAccountsWriteOffsNetOfRecoveries",
    "other": "abc:AllowanceForDoubtfulAccountsOtherAdjustments",
    "translation": "abc:AllowanceForDoubtfulAccountsForeignCurrencyTranslation",
    "acquisitions": "abc:AllowanceForDoubtfulAccountsAcquisitions",
    "recoveries": "abc:AllowanceForDoubtfulAccountsRecoveries",
}
SUBTRACTING = {"deductions", "writeoffs", "credited_costs", "credited_other"}
AXIS = "us-gaap:ValuationAllowancesAndReservesTypeAxis"
SCALE = {"thousands": 3, "millions": 6, "dollars": 0}
NEG = ' sign="-"'
STYLED = {"account-tables": dict(by_account=True, account_tables=True),
          "account-columns": dict(transposed=True, account_columns=True),
          "two-parts": dict(two_parts=True), "heading-rows": dict(heading_rows=3), "reverse": dict(reverse=True),
          "period-in-label": dict(period_row="label"), "single-cells": dict(grid="single", negative="inline"),
          "transposed-tables": dict(transposed=True, transposed_tables=True),
          "years-once": dict(transposed=True, years_once=True)}
# A figure's tag: just before its sentinel, or just after it and a "(" printed outside the tag.
TAG = re.compile("(<ix:nonFraction [^>]*>)?" + SENTINEL + r"(\(?)(<ix:nonFraction [^>]*>)?")


class Doc:
    """A tagged render being edited: its text (with sentinels) and what tagged it."""

    def __init__(self, spec: dict, habits: frozenset = frozenset(), tag_spec: dict = None):
        self.spec, self.habits = spec, habits
        style = IXBRL_2023
        if "fiscal-fy" in habits:
            style = replace(style, period="fiscal")
        if "transposed" in habits:  # (the years as columns, a block of movement rows per account)
            style = replace(style, html=replace(style.html, transposed=True))
        if "by-account" in habits:  # (a block of period rows per account, one table)
            style = replace(style, html=replace(style.html, by_account=True, account_tables=False))
        if "per-period" in habits:  # (a table per period, the headings repeated over each)
            style = replace(style, per_period=True)
        if "retail-year" in habits:
            style = replace(style, period="fiscal")
        for habit, fields in STYLED.items():  # (layouts of other software, as HtmlStyle names them)
            if habit in habits:
                style = replace(style, html=replace(style.html, **fields))
        if "period-words" in habits:  # (the periods as the filing words them: "Year Ended December 31, 2024")
            style = replace(style, period="keep")
        self.printed = _relabel(copy.deepcopy(spec), style)
        if "fiscal-fy" in habits:
            for n, p in enumerate(self.printed["periods"]):
                if n % 2 and p["label"].startswith("Fiscal "):  # (as `_relabel` heads them: each its own year)
                    p["label"] = "FY" + p["label"][-2:]
        rendered = render(self.printed, style.html, before=_header(), sentinels=True)
        self.rendered = rendered
        self.text = software_edit(rendered.text, self.printed, style)
        self.tag_spec = tag_spec or spec
        self.contexts: dict[str, str] = {}
        self.facts: list[dict] = []  # per figure in document order: attrs written
        self.misigned: list = []  # (period, row, column) of facts whose sign contradicts their print's effect
        self.misplaced: list = []  # (period, row, column) of facts whose context contradicts their print's kind

    # --- tagging ------------------------------------------------------------
    def ends(self) -> list[date]:
        """Each period's last day (a made-up year where the label gives none)."""
        out = []
        dated = [period_date(p["label"]) for p in self.spec["periods"]]
        weeks = "weeks-52-53" in self.habits and len({d[0] for d in dated if d}) == len(dated)
        for n, p in enumerate(self.spec["periods"]):
            found = period_date(p["label"])
            y, m, d = found if found else (2024 - n, 12, 31)
            d = d or calendar.monthrange(y, m)[1]
            if weeks:
                d = _last_saturday(y, 9)
                m = 9 if d <= 30 else 10
                end = date(y, 9, 1) + timedelta(days=d - 1)
                out.append(end)
                continue
            if "retail-year" in self.habits and len({d[0] for d in dated if d}) == len(dated):
                out.append(_retail_end(y))  # (each period a year of its own: stub periods keep their dates)
                continue
            out.append(date(y, m, d))
        return out

    def _plain_end(self, pi: int) -> date:
        found = period_date(self.spec["periods"][pi]["label"])
        y, m, d = found if found else (2024 - pi, 12, 31)
        return date(y, m, d or calendar.monthrange(y, m)[1])

    def start(self, pi: int) -> date:
        end = self.ends()[pi]
        if "retail-year" in self.habits and end.month in (1, 2) and end != self._plain_end(pi):
            return _retail_end(end.year - 2) + timedelta(days=1)
        if "weeks-52-53" in self.habits and (end.month == 9 or (end.month == 10 and end.day < 8)):
            prior = date(end.year - 1, 9, 1) + timedelta(days=_last_saturday(end.year - 1, 9) - 1)
            return prior + timedelta(days=1)
        return date(end.year - 1, end.month, min(end.day, calendar.monthrange(end.year - 1, end.month)[1])) + \
            timedelta(days=1)

    def member(self, pi: int, ri: int) -> str:
        rows = self.spec["periods"][pi]["rows"]
        row = rows[ri]
        totals = [r for r in rows if r.get("is_total")]
        if row.get("is_total") and len(totals) == 1:
            return ""
        words = re.findall(r"[A-Za-z0-9]+", row["label"])[:8]
        name = "".join(w[:1].upper() + w[1:] for w in words) or f"Row{ri}"
        same = [r for r in rows[:ri] if r["label"] == row["label"]]
        return f"abc:{name}{len(same) or ''}Member"

    def context(self, kind: str, pi: int, ri: int) -> str:
        member = self.member(pi, ri)
        start, end = self.start(pi), self.ends()[pi]
        if kind == "adoption" and self.habits & {"adoption-duration", "adoption-deduction"}:
            period = f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>"
            key = f"d{start}_{end}"
        elif kind in ("adoption", "adjusted"):  # (the cumulative effect, the balance so adjusted: at the opening's instant)
            instant = start - timedelta(days=1)
            period, key = f"<xbrli:instant>{instant}</xbrli:instant>", f"i{instant}"
        elif kind == "opening":
            instant = start if "weeks-52-53" in self.habits and ri % 2 else start - timedelta(days=1)
            period, key = f"<xbrli:instant>{instant}</xbrli:instant>", f"i{instant}"
        elif kind == "closing":
            period, key = f"<xbrli:instant>{end}</xbrli:instant>", f"i{end}"
        else:
            period, key = f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>", f"d{start}_{end}"
        cid = f"c-{key}-{member.split(':')[-1] or 'total'}" + {"adoption": "-adopt", "adjusted": "-adjusted"}.get(kind, "")
        if cid not in self.contexts:
            axis = "abc:AllowanceAndReserveTypeAxis" if "extension-axis" in self.habits else AXIS
            if "member-whitespace" in self.habits:
                segment = (f'<xbrli:segment>\n      <xbrldi:explicitMember dimension="{axis}">\n        {member}\n'
                           f'      </xbrldi:explicitMember>\n    </xbrli:segment>')
            else:
                segment = f'<xbrli:segment><xbrldi:explicitMember dimension="{axis}">{member}</xbrldi:explicitMember></xbrli:segment>'
            if kind in ("adoption", "adjusted"):
                adopted = (f'<xbrldi:explicitMember dimension="{ADOPTION_AXIS}">'
                           f'{ADJUSTED_MEMBER if kind == "adjusted" else ADOPTION_MEMBER}</xbrldi:explicitMember>')
                if "adoption-pronouncement" in self.habits:  # (us-gaap's axis of the standard alone)
                    adopted = (f'<xbrldi:explicitMember dimension="{PRONOUNCEMENT_AXIS}">{PRONOUNCEMENT_MEMBER}'
                               '</xbrldi:explicitMember>')
                if "adoption-asu" in self.habits:
                    adopted = (f'<xbrldi:explicitMember dimension="{PRONOUNCEMENT_AXIS}">{PRONOUNCEMENT_MEMBER}'
                               '</xbrldi:explicitMember>' + adopted)
                segment = (segment.replace("</xbrli:segment>", adopted + "</xbrli:segment>") if member
                           else f"<xbrli:segment>{adopted}</xbrli:segment>")
                member = member or "total"
            self.contexts[cid] = (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
                                  f'0000000001</xbrli:identifier>{segment if member else ""}</xbrli:entity>'
                                  f'<xbrli:period>{period}</xbrli:period></xbrli:context>')
        return cid

    def tag(self) -> None:
        roles = self.spec["roles"][1:]
        sign = -1 if self.spec["deductions_sign"] == "positive-subtracted" else 1
        units = self.spec.get("units", "thousands").split()[0]
        scale = SCALE.get(units, 0)
        keys = iter(self.rendered.figures)
        # A table printing its allowances as negative contra amounts: the facts are the allowances, positive.
        printed = [parse_cell(r["cells"][k]) for p in self.spec["periods"] for r in p["rows"] if r["cells"]
                   for k in (roles.index("beginning"), roles.index("ending"))]
        balances = [v for kind, v, _ in printed if kind == "amount" and v]
        contra = -1 if sum(v < 0 for v in balances) > len(balances) / 2 else 1
        n = [0]

        def one(m: re.Match) -> str:
            pi, ri, k, raw, value = next(keys)
            role = roles[k]
            kind = "opening" if k == roles.index("beginning") else "closing" if k == roles.index("ending") else "move"
            concepts = EXTENSIONS if "extension-movements" in self.habits else CONCEPTS
            concept = BALANCE if kind != "move" else concepts.get(role)
            if k == self.spec.get("adoption"):  # (the cumulative effect of adopting ASC 326: the balance's, adjusted)
                if parse_cell(self.tag_spec["periods"][pi]["rows"][ri]["cells"][k])[0] != "amount":
                    return m.group(0)  # (a dash in the periods before or after adoption: no fact)
                concept, kind = BALANCE, "adoption"
                if "adoption-duration" in self.habits:  # (the adjustment's concept, for the year, on the member)
                    concept = CONCEPTS["other"]
                if "adoption-deduction" in self.habits:  # (a release: the deductions' concept, the amount taken)
                    concept = CONCEPTS["deductions"]
            if role == "adjusted":  # (the balance at beginning as adjusted: the balance's, at the opening instant)
                adopted = self.spec.get("adoption")
                kind_a = parse_cell(self.tag_spec["periods"][pi]["rows"][ri]["cells"][adopted])[0]
                concept, kind = BALANCE, "adjusted" if kind_a == "amount" else "opening"
            if concept and kind == "move" and any(concepts.get(r) == concept for r in roles[:k]):
                concept = "abc:" + concept.split(":")[1] + str(k)  # (a second column of one concept: the filer's own)
            if concept is None or not (m.group(1) or m.group(3)):
                return m.group(0)  # (a column no concept names: left as rendered, no fact of the family)
            # The tag's value: the figure of `tag_spec` (a planted tag differs from the print there).
            kind_, tagged_value, _ = parse_cell(self.tag_spec["periods"][pi]["rows"][ri]["cells"][k])
            amount = contra * tagged_value if kind_ == "amount" else Decimal(0)
            if kind == "adoption" and concept == CONCEPTS["deductions"]:
                amount = -amount  # (what the release takes from the balance)
            if kind == "move" and role in SUBTRACTING:
                amount = -sign * amount
                if "sign-deductions" in self.habits and value is not None and value < 0:
                    if amount > 0:  # (a deduction taken, tagged negative as printed: the tag contradicts its concept)
                        self.misigned.append((pi, ri, k))
                    amount = -abs(amount)
            n[0] += 1
            fid = f"f-{n[0]}"
            cid = self.context(kind, pi, ri)
            self.facts.append(dict(id=fid, concept=concept, context=cid, amount=amount, nil=kind_ != "amount", kind=kind,
                                   at=(pi, ri, k), role=role, printed=value))
            before, after = (SENTINEL, "") if m.group(1) else (SENTINEL + m.group(2), "")

            def put(start_tag: str) -> str:
                return start_tag + before if m.group(1) else before + start_tag

            decimals = -5 if "millions-tenths" in self.habits else -scale  # (millions to one decimal)
            attrs = f'name="{concept}" contextRef="{cid}" unitRef="usd" id="{fid}" decimals="{decimals}" scale="{scale}"'
            if kind_ != "amount":
                if "nil-facts" in self.habits:
                    return put(f'<ix:nonFraction {attrs} xsi:nil="true">')
                fmt = ("ixt-sec:numwordsen" if self.habits & {"numwords", "numwords-no"} else
                       "ixt:fixed-empty" if "fixed-empty" in self.habits else "ixt:fixed-zero")
                return put(f'<ix:nonFraction {attrs} format="{fmt}">')
            sign_attr = NEG if amount < 0 else ""
            return put(f'<ix:nonFraction {attrs} format="ixt:num-dot-decimal"{sign_attr}>')

        self.text = TAG.sub(one, self.text)
        if "nil-facts" in self.habits:
            # (an xsi:nil fact's content is empty: the dash printed after it)
            self.text = re.sub(r'(xsi:nil="true">)' + SENTINEL + r'([^<]*)</ix:nonFraction>',
                               "\\1</ix:nonFraction>" + SENTINEL + "\\2", self.text)
        if self.habits & {"numwords", "numwords-no"}:
            word = "no" if "numwords-no" in self.habits else "None"
            self.text = re.sub(r'(format="ixt-sec:numwordsen">' + SENTINEL + r')[^<]*<', "\\1" + word + "<", self.text)
            self.rendered.figures = [(pi, ri, k, word if v is None else raw, v)
                                     for pi, ri, k, raw, v in self.rendered.figures]
        self.text = self.text.replace("</ix:resources>", "".join(self.contexts.values()) + "</ix:resources>", 1)


def _retail_end(year: int) -> date:
    """A retailer's fiscal `year`'s last day: the Saturday nearest January 31 of the next."""
    end = date(year + 1, 1, 31)
    shift = (end.weekday() - 5) % 7
    return end - timedelta(days=shift - 7 if shift > 3 else shift)


def _last_saturday(year: int, month: int) -> int:
    """The day (of September, beyond 30 into October) of the Saturday nearest Sep 30: a 52/53-week year's end."""
    end = date(year, month, 30)
    shift = (end.weekday() - 5) % 7
    if shift > 3:
        shift -= 7
    return 30 - shift


# --- habits as edits of the tagged text ----------------------------------------------

def hidden_duplicates(doc: Doc) -> None:
    copies = "".join(f'<ix:nonFraction name="{f["concept"]}" contextRef="{f["context"]}" unitRef="usd" decimals="-3" '
                     f'scale="3" id="{f["id"]}-h"{NEG if f["amount"] < 0 else ""}>{abs(f["amount"])}'
                     "</ix:nonFraction>"
                     for f in doc.facts if not f["nil"] and f["concept"] != BALANCE)
    scale = doc.text
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    if units != 3:
        copies = copies.replace('decimals="-3" scale="3"', f'decimals="{-units}" scale="{units}"')
    # (the hidden copy written unscaled: its value as the fact's digits)
    doc.text = scale.replace("</ix:hidden>", copies.replace(">-", ">") + "</ix:hidden>", 1)


def rounded_duplicates(doc: Doc) -> None:
    """Every figure tagged again in ix:hidden a thousand times coarser (a note giving the
    allowance in millions to one decimal: decimals="-5"), its value so rounded: duplicates
    XBRL calls consistent (equal at the coarser precision), which EDGAR accepts."""
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    coarse = units + 3 if units else 3  # (three places coarser than the print)
    copies = []
    for f in doc.facts:
        if f["nil"]:
            continue
        exact = f["amount"].scaleb(units)
        rounded = exact.scaleb(-coarse).quantize(Decimal(1), rounding="ROUND_HALF_EVEN")
        copies.append(f'<ix:nonFraction name="{f["concept"]}" contextRef="{f["context"]}" unitRef="usd" '
                      f'decimals="-{coarse}" scale="{coarse}" id="{f["id"]}-r"{NEG if rounded < 0 else ""}>'
                      f'{abs(rounded)}</ix:nonFraction>')
    doc.text = doc.text.replace("</ix:hidden>", "".join(copies) + "</ix:hidden>", 1)


def sec_hidden(doc: Doc) -> None:
    moved = []

    def out(m: re.Match) -> str:
        fid = re.search(r'id="([^"]+)"', m.group(1)).group(1)
        moved.append(f"<ix:nonFraction {m.group(1)}>{m.group(2)}</ix:nonFraction>")
        return f'<span style="-sec-ix-hidden:{fid}">{SENTINEL}{m.group(2)}</span>'

    doc.text = re.sub(r'<ix:nonFraction ([^>]*format="ixt:fixed-zero"[^>]*)>' + SENTINEL + r"([^<]*)</ix:nonFraction>",
                      out, doc.text)
    doc.text = doc.text.replace("</ix:hidden>", "".join(moved) + "</ix:hidden>", 1)


def continuation(doc: Doc) -> None:
    doc.text = doc.text.replace('escape="true">', 'escape="true" continuedAt="cont-1">', 1)
    rows = [m.start() for m in re.finditer(r"<tr\b", doc.text)]
    cut = rows[len(rows) // 2]
    opening = re.search(r"<table[^>]*>", doc.text).group(0)
    end = doc.text.rindex("</ix:nonNumeric>")
    doc.text = (doc.text[:cut] + '</table></ix:nonNumeric>\n<div style="page-break-after:always"></div>\n'
                '<div><p style="text-align:center">F-42</p></div><hr style="page-break-after:always"/>\n'
                f'<ix:continuation id="cont-1">{opening}\n' + doc.text[cut:end] + "</ix:continuation>"
                + doc.text[end + len("</ix:nonNumeric>"):])


def div_cells(doc: Doc) -> None:
    doc.text = css_table(doc.text)


def legal_entity(doc: Doc) -> None:
    """Every context also on dei:LegalEntityAxis (a subsidiary registrant of a combined
    10-K): two dimensions on each reserve's context, the total's on that axis alone."""
    entity = '<xbrldi:explicitMember dimension="dei:LegalEntityAxis">abc:SubsidiaryRegistrantMember</xbrldi:explicitMember>'
    text = re.sub(r"(<xbrli:context id=\"c-[^>]*>.*?</xbrli:identifier>)(<xbrli:segment>)?",
                  lambda m: m.group(1) + "<xbrli:segment>" + entity + ("" if m.group(2) else "</xbrli:segment>"),
                  doc.text)
    doc.text = text


def notes_copy(doc: Doc) -> None:
    """The schedule's table printed again in the notes (the allowance's roll-forward),
    its figures tagged with the same concepts and contexts under other ids, before
    the schedule and with no title of its own."""
    block = re.search(r"<table\b.*?</table>", doc.text, re.DOTALL).group(0)
    copy_ = re.sub(r'id="(f-\d+)"', r'id="\1-note"', block)  # (its figures placed too: `tagged` splits them)
    at = doc.text.index("<ix:nonNumeric name=\"srt:ScheduleOfValuation")
    doc.text = (doc.text[:at] + "<p><b>Note 5 — Accounts Receivable</b></p>\n<p>The activity in the allowance was as "
                "follows:</p>\n" + copy_ + "\n" + doc.text[at:])


def tables_unread(text: str) -> str:
    """The page with its tables' tags renamed (a converter's markup no reader takes for a
    table): the schedule is then checked from its facts alone, as where its table cannot be read."""
    return re.sub(r"<(/?)table\b", r"<\1xtable", text)


def tr3_formats(doc: Doc) -> None:
    """Formats named as Transformation Registry 3 names them (filing software of 2019-2021
    before TR 4): ixt:numdotdecimal, ixt:zerodash; decimals="INF" on the nils."""
    text = doc.text.replace('format="ixt:num-dot-decimal"', 'format="ixt:numdotdecimal"')
    text = re.sub(r'decimals="-?\d+" (scale="\d+" format="ixt:fixed-zero")', r'decimals="INF" \1', text)
    doc.text = text.replace('format="ixt:fixed-zero"', 'format="ixt:zerodash"')


def attribute_order(doc: Doc) -> None:
    """Attributes in another order (DFIN writes unitRef, contextRef, decimals, name,
    format, scale, id), the concept's name last but two."""
    def reorder(m: re.Match) -> str:
        attrs = dict(re.findall(r'([\w:]+)="([^"]*)"', m.group(1)))
        order = ["unitRef", "contextRef", "decimals", "name", "format", "scale", "id"]
        keys = [k for k in order if k in attrs] + [k for k in attrs if k not in order]
        return "<ix:nonFraction " + " ".join(f'{k}="{attrs[k]}"' for k in keys) + ">"
    doc.text = re.sub(r"<ix:nonFraction ([^>]*)>", reorder, doc.text)


def nested_balances(doc: Doc) -> None:
    """Each balance also tagged with a balance sheet concept, the two elements nested
    (Inline XBRL lets a nonFraction hold one other of the same value): the closing
    balance's family fact inside, the opening's outside."""
    def nest(m: re.Match) -> str:
        start, body = m.group(1), m.group(2)
        outer = re.sub(r'name="[^"]*"', 'name="us-gaap:AccountsReceivableAllowanceForCreditLossCurrent"', start)
        outer = re.sub(r'id="([^"]*)"', r'id="\1-bs"', outer)
        if doc.contexts and 'contextRef="c-i' in start and _is_closing(doc, start):
            return outer + start + body + "</ix:nonFraction></ix:nonFraction>"
        inner = outer.replace(SENTINEL, "")
        return start + inner + body + "</ix:nonFraction></ix:nonFraction>"
    doc.text = re.sub(r'(<ix:nonFraction name="us-gaap:ValuationAllowancesAndReservesBalance"[^>]*>)([^<]*)</ix:nonFraction>',
                      nest, doc.text)


def _is_closing(doc: Doc, start_tag: str) -> bool:
    fid = re.search(r'id="([^"]*)"', start_tag).group(1)
    return any(f["id"] == fid and f.get("kind") == "closing" for f in doc.facts)


def footnote_markers(doc: Doc) -> None:
    """A footnote marker after each row's first movement figure ("<sup>(1)</sup>" in its
    cell), the note tied to the fact by ix:footnote and ix:relationship."""
    seen, refs = set(), []

    def mark(m: re.Match) -> str:
        ctx = re.search(r'contextRef="([^"]*)"', m.group(1)).group(1)
        if ctx in seen or "Balance" in m.group(1) or 'id="f-' not in m.group(1):
            return m.group(0)
        seen.add(ctx)
        refs.append(re.search(r'id="([^"]*)"', m.group(1)).group(1))
        return m.group(0) + '<sup style="font-size:6.5pt;vertical-align:top">(1)</sup>'
    doc.text = re.sub(r"(<ix:nonFraction [^>]*>)[^<]*</ix:nonFraction>", mark, doc.text)
    if refs:
        note = ('<p><sup>(1)</sup> <ix:footnote id="fn-1" xml:lang="en-US">Net of recoveries of amounts previously '
                'written off.</ix:footnote></p>')
        doc.text = doc.text.replace("</table>", "</table>" + note, 1)
        rel = f'<ix:relationship fromRefs="{" ".join(refs)}" toRefs="fn-1"/>'
        doc.text = doc.text.replace("</ix:resources>", rel + "</ix:resources>", 1)


def header_at_end(doc: Doc) -> None:
    """The hidden ix:header (contexts, units, hidden facts) placed at the end of the body."""
    m = re.search(r'<div style="display:none"><ix:header>.*?</ix:header></div>', doc.text, re.DOTALL)
    doc.text = doc.text[:m.start()] + doc.text[m.end():]
    doc.text = doc.text.replace("</body>", m.group(0) + "\n</body>", 1)


def totals_untagged(doc: Doc) -> None:
    """The total rows' figures printed but not tagged (many filers tag the reserves only)."""
    doc.text = re.sub(r'<ix:nonFraction [^>]*contextRef="c-[^"]*-total"[^>]*>([^<]*)</ix:nonFraction>', r"\1",
                      doc.text)


# us-gaap's concepts of the allowance for credit losses on receivables, which filers use on its row
RECEIVABLE_CONCEPTS = {
    "us-gaap:ValuationAllowancesAndReservesBalance": "us-gaap:AccountsReceivableAllowanceForCreditLossCurrent",
    "us-gaap:ValuationAllowancesAndReservesChargedToCostAndExpense": "us-gaap:AccountsReceivableCreditLossExpenseReversal",
    "us-gaap:ValuationAllowancesAndReservesDeductions": "us-gaap:AccountsReceivableAllowanceForCreditLossWriteoff",
}


def receivable_concepts(doc: Doc) -> None:
    """The doubtful accounts' rows tagged with us-gaap's receivable allowance concepts
    (AccountsReceivableAllowanceForCreditLossCurrent, ...Writeoff, CreditLossExpenseReversal),
    not the Schedule II family; the other rows and the totals with the family's."""
    def swap(m: re.Match) -> str:
        name, ctx = m.group(1), m.group(2)
        if "Doubtful" not in ctx or name not in RECEIVABLE_CONCEPTS:
            return m.group(0)
        return m.group(0).replace(name, RECEIVABLE_CONCEPTS[name])
    doc.text = re.sub(r'<ix:nonFraction name="([^"]*)" contextRef="([^"]*)"[^>]*>', swap, doc.text)


def nbsp_cells(doc: Doc) -> None:
    """Every empty cell holding a no-break space, with Workiva's padding styles."""
    doc.text = re.sub(r"<td([^>]*)/>", r'<td\1 style="padding:2px 1pt;vertical-align:bottom"><span '
                      r'style="font-family:Arial;font-size:9pt">&#160;</span></td>', doc.text)


def openings_untagged(doc: Doc) -> None:
    """The opening balances printed, not tagged (the same instant's fact is the year
    before's closing balance, tagged there): the first year's opening tagged nowhere."""
    openings = {f["id"] for f in doc.facts if f["kind"] == "opening"}
    doc.text = re.sub(r'<ix:nonFraction [^>]*id="(f-\d+)"[^>]*>([^<]*)</ix:nonFraction>',
                      lambda m: m.group(2) if m.group(1) in openings else m.group(0), doc.text)


def untagged_column(doc: Doc) -> None:
    """The last movement column printed but not tagged (a column the filer's software
    left untagged: no fact of the family, no extension either)."""
    movements = [f for f in doc.facts if f["kind"] == "move"]
    if not movements:
        return
    last = max({f["concept"] for f in movements}, key=lambda c: max(int(f["id"][2:]) for f in movements
                                                                        if f["concept"] == c))
    doc.text = re.sub(r'<ix:nonFraction name="' + re.escape(last) + r'"[^>]*>([^<]*)</ix:nonFraction>', r"\1", doc.text)


# Members of the us-gaap taxonomy filers use for common reserves, by a word of the row's label.
STANDARD_MEMBERS = (("doubtful", "us-gaap:AllowanceForCreditLossMember"),
                    ("deferred tax", "us-gaap:ValuationAllowanceOfDeferredTaxAssetsMember"),
                    ("inventor", "us-gaap:InventoryValuationReserveMember"))


def standard_members(doc: Doc) -> None:
    """Reserves tagged on us-gaap's own members where one fits its label (each used by one row)."""
    labels = {doc.member(pi, ri): row["label"].lower() for pi, p in enumerate(doc.spec["periods"])
              for ri, row in enumerate(p["rows"])}
    for word, standard in STANDARD_MEMBERS:
        mine = [m for m, label in labels.items() if m and word in label]
        if len(mine) == 1:
            doc.text = doc.text.replace(">" + mine[0] + "<", ">" + standard + "<")


def nested_textblocks(doc: Doc) -> None:
    """The table tagged again as a table text block inside the disclosure's text block
    (Workiva tags both: the note's block and each table's)."""
    doc.text = re.sub(r"(<table\b)", '<ix:nonNumeric name="us-gaap:ScheduleOfValuationAndQualifyingAccountsTableTextBlock" '
                      'contextRef="c0" escape="true">\\1', doc.text, count=1)
    doc.text = doc.text.replace("</table>", "</table></ix:nonNumeric>", 1)


def span_inside(doc: Doc) -> None:
    """Each figure's digits in a styled span inside its ix:nonFraction element."""
    doc.text = re.sub(r'(<ix:nonFraction name="[^"]*ValuationAllowances[^>]*>)([^<]+)</ix:nonFraction>',
                      r'\1<span style="font-family:Arial;font-size:9pt">\2</span></ix:nonFraction>', doc.text)


def no_ids(doc: Doc) -> None:
    """Facts written without an id attribute (it is optional on ix:nonFraction)."""
    doc.text = re.sub(r'(<ix:nonFraction [^>]*?) id="f-\d+"', r"\1", doc.text)


def two_registrants(doc: Doc) -> None:
    """A combined 10-K: the parent's schedule, then the subsidiary registrant's, the
    same figures tagged in contexts of its own (dei:LegalEntityAxis)."""
    block = re.search(r"<table\b.*?</table>", doc.text, re.DOTALL).group(0)
    copy_ = re.sub(r'contextRef="(c-[^"]*)"', r'contextRef="\1-sub"', block)
    copy_ = re.sub(r'id="(f-\d+)"', r'id="\1-sub"', copy_)
    entity = '<xbrldi:explicitMember dimension="dei:LegalEntityAxis">abc:UtilityCompanyMember</xbrldi:explicitMember>'
    contexts = []
    for cid, text in doc.contexts.items():
        text = text.replace(f'id="{cid}"', f'id="{cid}-sub"')
        text = text.replace("<xbrli:segment>", "<xbrli:segment>" + entity) if "<xbrli:segment>" in text else \
            text.replace("</xbrli:identifier>", "</xbrli:identifier><xbrli:segment>" + entity + "</xbrli:segment>")
        contexts.append(text)
    end = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
    doc.text = (doc.text[:end] + '\n<p><b>Schedule II — Valuation and Qualifying Accounts</b></p>\n'
                '<p><b>Abc Utility Company</b></p>\n' + copy_ + doc.text[end:])
    doc.text = doc.text.replace("</ix:resources>", "".join(contexts) + "</ix:resources>", 1)


# --- habits of a second look (redixbrl2) ------------------------------------------------

# Workiva's footnote marker: a small span raised by position:relative (no <sup>, no vertical-align).
MARKER = '<span style="font-size:6.5pt;position:relative;top:-3.5pt;vertical-align:baseline">({})</span>'
ROW = re.compile(r"<tr\b.*?</tr>", re.DOTALL)


def _heading_rows(doc: Doc) -> tuple[list[re.Match], list[str]]:
    """The first table's rows printing figures, and its heading rows above them (a
    period's heading left out: repeated over a page's rows, the period runs on)."""
    start = doc.text.index("<table")
    rows = list(ROW.finditer(doc.text, start, doc.text.index("</table>", start)))
    data = [m for m in rows if SENTINEL in m.group(0)]
    periods = {re.sub(r"\s+", " ", p["label"]).strip() for p in doc.printed["periods"]}
    head = [m.group(0) for m in rows if m.start() < data[0].start()
            and re.sub(r"\s+", " ", re.sub(r"<[^>]*>|&nbsp;|&#160;", " ", m.group(0))).strip() not in periods]
    return data, head


def page_split(doc: Doc) -> None:
    """The table cut by a page break as Workiva cuts it: the first half's table closed,
    the page's footer (its number) and the next page's running head in ix:exclude
    inside the text block, a new table opened with the column headings repeated
    (no period heading: the period runs on)."""
    start = doc.text.index("<table")
    data, head = _heading_rows(doc)
    if len(data) < 2:
        return
    opening = re.search(r"<table[^>]*>", doc.text[start:]).group(0)
    cut = data[len(data) // 2].start()
    doc.text = (doc.text[:cut] + "</table>\n"
                '<div style="text-align:center"><ix:exclude><span>F-42</span></ix:exclude></div>\n'
                '<hr style="page-break-after:always"/>\n'
                '<div><ix:exclude><p style="text-align:center"><b>SCHEDULE II</b></p>\n'
                '<p style="text-align:center"><b>VALUATION AND QUALIFYING ACCOUNTS (Continued)</b></p></ix:exclude></div>\n'
                + opening + "\n" + "\n".join(head) + "\n" + doc.text[cut:])


def hidden_facts(doc: Doc) -> None:
    """Every figure's fact in ix:hidden, the printed figures left untagged and unlinked
    (no -sec-ix-hidden style): a filer tagging the schedule apart from its print."""
    moved = []

    def out(m: re.Match) -> str:
        moved.append(f"<ix:nonFraction {m.group(1)}>{m.group(3)}</ix:nonFraction>")
        return m.group(2) + m.group(3)

    doc.text = re.sub(r"<ix:nonFraction ([^>]*)>(" + SENTINEL + r"?)([^<]*)</ix:nonFraction>", out, doc.text)
    doc.text = doc.text.replace("</ix:hidden>", "".join(moved) + "</ix:hidden>", 1)


def label_markers(doc: Doc) -> None:
    """Workiva's footnote markers, "(1)" in a small span raised by position:relative, after
    each reserve's label and after the first movement figure in its cell; the notes below
    the table."""
    seen = set()

    def label(m: re.Match) -> str:
        if m.group(2).strip() in seen or not m.group(2).strip() or m.group(2).strip() == "&nbsp;":
            return m.group(0)
        seen.add(m.group(2).strip())
        return m.group(1) + m.group(2) + m.group(3) + MARKER.format(len(seen))

    doc.text = re.sub(r'(<td style="padding-left:10pt"[^>]*><span[^>]*>)([^<]+)(</span>)', label, doc.text)
    rows = set()

    def figure(m: re.Match) -> str:
        ctx = re.search(r'contextRef="([^"]*)"', m.group(0)).group(1)
        if ctx in rows or "Balance" in m.group(0):
            return m.group(0)
        rows.add(ctx)
        return m.group(0) + MARKER.format("a")

    doc.text = re.sub(r"<ix:nonFraction [^>]*>[^<]*</ix:nonFraction>\)?", figure, doc.text)
    notes = "".join(f"<p>{MARKER.format(n + 1)} Includes the effect of businesses acquired.</p>" for n in range(len(seen)))
    doc.text = doc.text.replace("</table>", "</table>" + notes + f"<p>{MARKER.format('a')} Net of recoveries.</p>", 1)


def dash_glyphs(doc: Doc, glyphs: tuple = (("&#8211;", "\u2013"), ("-", "-"), ("&#8722;", "\u2212"),
                                           ("&#8212;&#160;", "\u2014"))) -> None:
    """Nils printed with the glyphs other software writes under ixt:fixed-zero (which takes
    any content): an en dash, a hyphen, a minus sign, an em dash with a space after it, in turn."""
    pieces = doc.text.split(SENTINEL)
    figures = list(doc.rendered.figures)
    n = 0
    for i in range(1, len(pieces)):
        if pieces[i - 1].endswith('format="ixt:fixed-zero">') and pieces[i].startswith("&#8212;"):
            glyph, raw = glyphs[n % len(glyphs)]
            n += 1
            pieces[i] = glyph + pieces[i][len("&#8212;"):]
            pi, ri, k, _, value = figures[i - 1]
            figures[i - 1] = (pi, ri, k, raw, value)
    doc.text = SENTINEL.join(pieces)
    doc.rendered.figures = figures


def paren_cells(doc: Doc) -> None:
    """The closing parenthesis of a figure printed negative in a cell of its own (Workiva
    writes "(" with the figure, ")" in the next, narrow column)."""
    doc.text = re.sub(r"(</ix:nonFraction>)\)(?:&#160;)?</td>(?:<td/>|<td></td>)", r"\1</td><td>)</td>", doc.text)


def wrapped_lines(doc: Doc) -> None:
    """The facts' start tags wrapped over lines, one attribute to a line (DFIN's and
    Toppan Merrill's XHTML writers wrap at a width), each cell on a line of its own."""
    doc.text = re.sub(r"<ix:nonFraction ([^>]*)>",
                      lambda m: "<ix:nonFraction\n  " + re.sub(r'" ', '"\n  ', m.group(1)) + ">", doc.text)
    doc.text = doc.text.replace("</td><td", "</td>\n<td")


def table_only_block(doc: Doc) -> None:
    """The text block tags the table alone: the schedule's title and prose printed above
    it, outside any ix:nonNumeric (DFIN's Item 15 pages)."""
    at = doc.text.index('<ix:nonNumeric name="srt:ScheduleOfValuation')
    tag = re.match(r"<ix:nonNumeric[^>]*>", doc.text[at:]).group(0)
    table = doc.text.index("<table", at)
    doc.text = doc.text[:at] + doc.text[at + len(tag):table] + tag + doc.text[table:]


def cell_paragraphs(doc: Doc) -> None:
    """Every cell's content in a <p style="margin:0"> (Toppan Merrill Bridge and DFIN write
    a paragraph in each cell: the label's with a hanging indent, the figure's right-aligned)."""
    def para(m: re.Match) -> str:
        if not m.group(2).strip():
            return m.group(0)
        align = "right" if "ix:nonFraction" in m.group(2) or SENTINEL in m.group(2) else "left"
        return (f'{m.group(1)}<p style="margin:0pt;text-align:{align};text-indent:-7pt;padding-left:7pt">'
                f"{m.group(2)}</p></td>")
    start, end = doc.text.index("<table"), doc.text.rindex("</table>")
    doc.text = doc.text[:start] + re.sub(r"(<td[^>/]*>)(.*?)</td>", para, doc.text[start:end]) + doc.text[end:]


def field_comments(doc: Doc) -> None:
    """HTML comments inside the table (DFIN's and Broadridge's writers leave "<!-- Field: ...
    -->" marks and "<!-- ... -->" begin/end marks between rows and inside cells)."""
    doc.text = re.sub(r"(<tr\b[^>]*>)", r"<!-- Field: Row; Sequence: 1 -->\1<!-- Begin Cells -->", doc.text)
    doc.text = re.sub(r"(<td[^>/]*>)(<span)", r"\1<!-- Field: Cell --><!-- x -->\2", doc.text)
    doc.text = doc.text.replace("</table>", "<!-- Field: /Table --></table>")


def label_breaks(doc: Doc) -> None:
    """Long reserve labels broken over two lines by <br/> (a narrow label column), the
    second line indented with no-break spaces."""
    def brk(m: re.Match) -> str:
        words = m.group(2).split(" ")
        if len(words) < 4:
            return m.group(0)
        half = len(words) // 2
        return m.group(1) + " ".join(words[:half]) + "<br/>&#160;&#160;" + " ".join(words[half:]) + m.group(3)
    doc.text = re.sub(r'(<td style="padding-left:10pt"[^>]*><span[^>]*>)([^<]+)(</span>)', brk, doc.text)


def continued_headings(doc: Doc) -> None:
    """ix:continuation with the table's column headings repeated in the continued half
    (Workiva repeats a table's header rows on each page and continues the text block
    after the page's footer)."""
    _, head = _heading_rows(doc)
    continuation(doc)
    doc.text = re.sub(r'(<ix:continuation id="cont-1"><table[^>]*>\n)', lambda m: m.group(1) + "\n".join(head) + "\n",
                      doc.text, count=1)


def units_row(doc: Doc) -> None:
    """The units not in the title but in a row of the table over the figure columns
    ("(In thousands)" centred above the headings)."""
    m = re.search(r" \(in (\w+)\)</b></p>", doc.text)
    if not m:
        return
    doc.text = doc.text[:m.start()] + "</b></p>" + doc.text[m.end():]
    width = len(re.findall(r"<td style=\"width", doc.text))
    row = (f'<tr><td colspan="3"></td><td colspan="{max(width - 3, 1)}" style="text-align:center">'
           f"<span>(In {m.group(1)})</span></td></tr>\n")
    doc.text = re.sub(r"(<table[^>]*>\n<tr><td style=\"width[^\n]*</tr>\n)", lambda t: t.group(1) + row, doc.text, count=1)


def _table_head(doc: Doc) -> tuple[int, int, list[re.Match]]:
    """The schedule table's (start, end) and its rows."""
    start = doc.text.index("<table")
    end = doc.text.index("</table>", start)
    return start, end, list(ROW.finditer(doc.text, start, end))


def heading_table(doc: Doc) -> None:
    """The column headings in a table of their own above the figures' table (converters
    from page-layout software set the heading block apart), the columns' widths alike."""
    start, end, rows = _table_head(doc)
    first = next(m for m in rows if SENTINEL in m.group(0) or re.search(r"<td colspan=\"\d+\"><span", m.group(0)))
    opening = re.search(r"<table[^>]*>", doc.text[start:]).group(0)
    sizing = rows[0].group(0) if 'style="width' in rows[0].group(0) else ""
    doc.text = doc.text[:first.start()] + "</table>\n" + opening + "\n" + sizing + "\n" + doc.text[first.start():]


def thead(doc: Doc) -> None:
    """The heading rows in <thead>, the rest in <tbody>, the widths in a <colgroup>."""
    start, end, rows = _table_head(doc)
    first = next(m for m in rows if SENTINEL in m.group(0) or re.search(r"<td colspan=\"\d+\"><span", m.group(0)))
    widths = re.findall(r'<td style="(width:[^"]*)"/>', rows[0].group(0))
    cols = "<colgroup>" + "".join(f'<col style="{w}"/>' for w in widths) + "</colgroup>\n"
    head_start = rows[1].start() if widths else rows[0].start()
    doc.text = (doc.text[:rows[0].start()] + cols + "<thead>" + doc.text[head_start:first.start()] + "</thead><tbody>\n"
                + doc.text[first.start():end] + "</tbody>" + doc.text[end:])


def nils_untagged(doc: Doc) -> None:
    """The nils printed as dashes, not tagged (no ixt:fixed-zero fact: DFIN's and GoFiler's
    filers leave them so)."""
    doc.text = re.sub(r'<ix:nonFraction [^>]*format="ixt:fixed-zero"[^>]*>([^<]*)</ix:nonFraction>', r"\1", doc.text)


def openings_at_start(doc: Doc) -> None:
    """Every opening balance tagged at the period's first day (a filer's slip EDGAR lets
    pass: the balance "as of January 1", not the day before)."""
    for f in doc.facts:
        if f["kind"] != "opening":
            continue
        m = re.match(r"c-i(\d{4})-(\d\d)-(\d\d)-(.*)", f["context"])
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + timedelta(days=1)
        cid = f"c-s{day}-{m.group(4)}"
        if cid not in doc.contexts:
            ctx = doc.contexts[f["context"]].replace(f'id="{f["context"]}"', f'id="{cid}"')
            doc.contexts[cid] = ctx.replace(f"<xbrli:instant>{m.group(1)}-{m.group(2)}-{m.group(3)}<",
                                            f"<xbrli:instant>{day}<")
            doc.text = doc.text.replace("</ix:resources>", doc.contexts[cid] + "</ix:resources>", 1)
        doc.text = re.sub(r'(contextRef=")' + re.escape(f["context"]) + r'("[^>]*id="' + f["id"] + '")',
                          r"\g<1>" + cid + r"\2", doc.text)


def duplicate_contexts(doc: Doc) -> None:
    """Each context written twice under two ids (software that makes a context per fact
    group, not per period and member), every other fact on the copy."""
    for cid, ctx in list(doc.contexts.items()):
        doc.text = doc.text.replace("</ix:resources>", ctx.replace(f'id="{cid}"', f'id="{cid}-2"') + "</ix:resources>", 1)
    n = [0]

    def other(m: re.Match) -> str:
        n[0] += 1
        return m.group(0) if n[0] % 2 else m.group(1) + m.group(2) + "-2" + '"'
    doc.text = re.sub(r'(<ix:nonFraction [^>]*contextRef=")(c-[^"]*)"', other, doc.text)


def opaque_ids(doc: Doc) -> None:
    """Context ids that say nothing (Workiva's "c-12", DFIN's hashes), numbered in order."""
    ids = {cid: f"i{n:04x}a7e3b9{n * 7919 % 65536:04x}" for n, cid in enumerate(doc.contexts)}
    doc.text = re.sub(r'(contextRef="|<xbrli:context id=")(c-[^"]*)"',
                      lambda m: m.group(1) + ids.get(m.group(2), m.group(2)) + '"', doc.text)


def display_none(doc: Doc) -> None:
    """Text a browser does not print, in a span styled display:none: the row's member
    name in its label cell, and a copy of each row's first balance figure after it in
    its cell (a duplicate fact hidden in place, not in ix:hidden)."""
    doc.text = re.sub(r'(<td style="padding-left:10pt"[^>]*><span[^>]*>)([^<]+)(</span>)',
                      lambda m: m.group(0) + '<span style="display:none">' + re.sub(r"\W", "", m.group(2)) + "Member</span>",
                      doc.text)
    seen = set()

    def copy_(m: re.Match) -> str:
        ctx = re.search(r'contextRef="([^"]*)"', m.group(1)).group(1)
        if ctx in seen or "Balance" not in m.group(1):
            return m.group(0)
        seen.add(ctx)
        start = m.group(1).replace(' id="', ' id="d').replace(SENTINEL, "")
        return (m.group(0) + '<span style="display:none">' + start + m.group(2).replace(SENTINEL, "")
                + "</ix:nonFraction></span>")
    doc.text = re.sub(r"(<ix:nonFraction [^>]*>)([^<]*)</ix:nonFraction>", copy_, doc.text)


def sec_hidden_mixed(doc: Doc, linked: bool = True) -> None:
    """Every other figure's fact moved into ix:hidden, its print a span whose -sec-ix-hidden
    style names it, the rest tagged in place (filing software hiding the facts whose print
    it transforms: a table mixing facts printed in place with hidden ones).  `linked` False:
    the moved facts' print left untagged, no style naming them (hidden-mixed)."""
    moved = []
    n = [0]

    def out(m: re.Match) -> str:
        n[0] += 1
        if n[0] % 2:
            return m.group(0)
        fid = re.search(r'id="([^"]+)"', m.group(1)).group(1)
        moved.append(f"<ix:nonFraction {m.group(1)}>{m.group(3)}</ix:nonFraction>")
        if not linked:
            return m.group(2) + m.group(3)
        return f'<span style="-sec-ix-hidden:{fid}">{m.group(2)}{m.group(3)}</span>'

    doc.text = re.sub(r"<ix:nonFraction ([^>]*)>(" + SENTINEL + r"?)([^<]*)</ix:nonFraction>", out, doc.text)
    doc.text = doc.text.replace("</ix:hidden>", "".join(moved) + "</ix:hidden>", 1)


def minus_negatives(doc: Doc) -> None:
    """Negative figures printed with a leading minus sign outside the tag, no parentheses
    ("-<ix:nonFraction sign="-">1,234</ix:nonFraction>": small filers' software)."""
    pieces = doc.text.split(SENTINEL)
    figures = list(doc.rendered.figures)
    for i in range(1, len(pieces)):
        m = re.match(r"\((<ix:nonFraction [^>]*>[^<]*</ix:nonFraction>)\)", pieces[i])
        if not m:
            continue
        pieces[i] = "-" + m.group(1) + pieces[i][m.end():]
        pi, ri, k, raw, value = figures[i - 1]
        figures[i - 1] = (pi, ri, k, "-" + raw.strip("()"), value)
    doc.text = SENTINEL.join(pieces)
    doc.rendered.figures = figures


EDITS = {"hidden-duplicates": hidden_duplicates, "rounded-duplicates": rounded_duplicates, "sec-hidden": sec_hidden, "continuation": continuation,
         "div-cells": div_cells, "legal-entity": legal_entity, "notes-copy": notes_copy, "tr3-formats": tr3_formats,
         "attribute-order": attribute_order, "nested-balances": nested_balances,
         "footnote-markers": footnote_markers, "header-at-end": header_at_end, "totals-untagged": totals_untagged,
         "untagged-column": untagged_column, "openings-untagged": openings_untagged,
         "nbsp-cells": nbsp_cells, "receivable-concepts": receivable_concepts, "standard-members": standard_members,
         "nested-textblocks": nested_textblocks, "span-inside": span_inside, "no-ids": no_ids,
         "two-registrants": two_registrants, "page-split": page_split, "hidden-facts": hidden_facts,
         "label-markers": label_markers, "dash-glyphs": dash_glyphs, "paren-cells": paren_cells,
         "wrapped-lines": wrapped_lines, "table-only-block": table_only_block, "cell-paragraphs": cell_paragraphs,
         "field-comments": field_comments, "label-breaks": label_breaks, "continued-headings": continued_headings,
         "units-row": units_row, "heading-table": heading_table, "thead": thead, "nils-untagged": nils_untagged,
         "openings-at-start": openings_at_start, "duplicate-contexts": duplicate_contexts, "opaque-ids": opaque_ids, "display-none": display_none,
         "millions-row": units_row, "scale-slip-row": units_row, "minus-negatives": minus_negatives,
         "sec-hidden-mixed": sec_hidden_mixed, "hidden-mixed": lambda doc: sec_hidden_mixed(doc, linked=False)}
VARIATIONS = ("base", "extension-movements", "extension-axis", "millions", "sign-deductions", "nil-facts", "numwords",
              "hidden-duplicates", "sec-hidden", "continuation", "member-whitespace", "fiscal-fy", "weeks-52-53",
              "div-cells", "legal-entity", "notes-copy", "tr3-formats", "attribute-order", "nested-balances",
              "footnote-markers", "header-at-end", "totals-untagged", "scale-slip", "untagged-column",
              "standard-members", "nested-textblocks", "span-inside", "no-ids", "two-registrants", "transposed",
              "by-account", "per-period", "retail-year", "openings-untagged", "period-words", "nbsp-cells",
              "receivable-concepts", "rounded-duplicates", "page-split", "hidden-facts", "label-markers",
              "dash-glyphs", "paren-cells", "wrapped-lines", "table-only-block", "cell-paragraphs",
              "field-comments", "label-breaks", "continued-headings", "units-row", "heading-table", "thead",
              "nils-untagged", "openings-at-start", "duplicate-contexts", "opaque-ids", *STYLED, "display-none",
              "millions-row", "scale-slip-row", "minus-negatives", "sec-hidden-mixed",
              "hidden-mixed")


def in_millions(spec: dict) -> dict:
    """The table in millions, printed to the thousand ("11.654"): the same figures exactly."""
    spec = copy.deepcopy(spec)
    if spec.get("units", "thousands").split()[0] != "thousands":
        return spec
    spec["units"] = "millions"
    for p in spec["periods"]:
        for row in p["rows"]:
            out = []
            for cell in row["cells"]:
                kind, value, decimals = parse_cell(cell)
                if kind != "amount" or decimals:
                    out.append(cell)
                    continue
                body = f"{abs(value) / 1000:,.3f}"
                out.append(f"({body})" if value < 0 else body)
            row["cells"] = out
    return spec


def in_tenths(spec: dict) -> dict:
    """The table in millions to one decimal ("123.4", scale="6" decimals="-5"): each figure in
    thousands printed a tenth as large (the arithmetic and its rounding the same, exactly)."""
    spec = in_millions(spec)
    for p in spec["periods"]:
        for row in p["rows"]:
            out = []
            for cell in row["cells"]:
                kind, value, decimals = parse_cell(cell)
                if kind != "amount" or decimals != 3:
                    out.append(cell)
                    continue
                body = f"{abs(value) * 100:,.1f}"
                out.append(f"({body})" if value < 0 else body)
            row["cells"] = out
    return spec


def tagged(spec: dict, variation: str = "base", tag_spec: dict = None) -> Rendered:
    """The table tagged, with the habit applied; its figures placed."""
    if variation in ("millions", "scale-slip", "millions-row", "scale-slip-row"):
        spec, tag_spec = in_millions(spec), in_millions(tag_spec) if tag_spec else None
    if variation == "millions-tenths":
        spec, tag_spec = in_tenths(spec), in_tenths(tag_spec) if tag_spec else None
    habits = frozenset({variation})
    if variation in ADOPTION:
        negative = variation in NEGATIVE
        spec, tag_spec = with_adoption(spec, negative), with_adoption(tag_spec, negative) if tag_spec else None
        habits |= ADOPTION[variation]
    if variation in ADJUSTED:
        spec, tag_spec = with_adjusted(spec), with_adjusted(tag_spec) if tag_spec else None
        habits |= ADJUSTED[variation]
    if variation in SPELLINGS:
        spelling = SPELLINGS[variation]
        spec, tag_spec = relettered(spec, spelling), relettered(tag_spec, spelling) if tag_spec else None
    habits |= LAYOUT_OF.get(variation, frozenset())
    doc = Doc(spec, habits, tag_spec)
    doc.tag()
    if variation in EDITS:
        EDITS[variation](doc)
    if variation in ("scale-slip", "scale-slip-row"):  # (a tagging slip: the table in millions, its facts scale="3")
        doc.text = doc.text.replace('decimals="-6" scale="6"', 'decimals="-3" scale="3"')
    doc.rendered.text = doc.text
    note = None
    if variation in ("two-registrants", "notes-copy", "notes-after"):  # (the table printed twice: its figures' keys twice)
        keys = doc.rendered.figures
        doc.rendered.figures = keys + keys
        placed = place_sentinels(doc.rendered)
        first, second = placed.figures[:len(keys)], placed.figures[len(keys):]
        # (the note comes before the schedule; the subsidiary's schedule after the parent's)
        schedule, other = (second, first) if variation == "notes-copy" else (first, second)
        note = replace(placed, figures=other)
        placed.figures = schedule
    else:
        placed = place_sentinels(doc.rendered)
    placed.misigned = doc.misigned
    placed.misplaced = doc.misplaced
    placed.note = note  # the table printed again (in the notes; or the subsidiary's schedule), or None
    return placed


# --- habits of a third look (redixbrl3) -------------------------------------------------

def exclude_markers(doc: Doc) -> None:
    """A footnote marker inside each row's first movement fact printed without parentheses,
    in ix:exclude (Workiva and Toppan Merrill keep a marker set in the figure's cell out of
    its value so).  (Inside a negative's parentheses, "(93(1))": paren-markers, paren-plain.)"""
    seen = set()

    def mark(m: re.Match) -> str:
        ctx = re.search(r'contextRef="([^"]*)"', m.group(1)).group(1)
        if ctx in seen or "Balance" in m.group(1) or "fixed-zero" in m.group(1) or \
                m.string[m.start() - 1:m.start()] == "(":
            return m.group(0)
        seen.add(ctx)
        return (m.group(1) + m.group(2) + '<ix:exclude><span style="font-size:6.5pt;vertical-align:super">(1)</span>'
                "</ix:exclude></ix:nonFraction>")
    doc.text = re.sub(r"(<ix:nonFraction [^>]*>)([^<]*)</ix:nonFraction>", mark, doc.text)


def chained_continuation(doc: Doc) -> None:
    """The text block in three parts (two page breaks): the block continued at cont-1,
    which is continued at cont-2 (a chain of ix:continuation, each naming the next)."""
    doc.text = doc.text.replace('escape="true">', 'escape="true" continuedAt="cont-1">', 1)
    rows = [m.start() for m in re.finditer(r"<tr\b", doc.text)]
    if len(rows) < 4:
        return
    cuts = [rows[len(rows) // 3], rows[2 * len(rows) // 3]]
    opening = re.search(r"<table[^>]*>", doc.text).group(0)
    end = doc.text.rindex("</ix:nonNumeric>")
    page = ('<div style="page-break-after:always"></div>\n<div><p style="text-align:center">F-{}</p></div>'
            '<hr style="page-break-after:always"/>\n')
    doc.text = (doc.text[:cuts[0]] + "</table></ix:nonNumeric>\n" + page.format(42)
                + f'<ix:continuation id="cont-1" continuedAt="cont-2">{opening}\n' + doc.text[cuts[0]:cuts[1]]
                + "</table></ix:continuation>\n" + page.format(43)
                + f'<ix:continuation id="cont-2">{opening}\n' + doc.text[cuts[1]:end] + "</ix:continuation>"
                + doc.text[end + len("</ix:nonNumeric>"):])


def decimals_inf(doc: Doc) -> None:
    """Every fact decimals="INF" (small filers' software tags exact amounts so)."""
    doc.text = re.sub(r'(<ix:nonFraction [^>]*?)decimals="-?\d+"', r'\1decimals="INF"', doc.text)


def registry_prefixes(doc: Doc) -> None:
    """Formats under the prefix a filer's namespace declaration binds (ixt4:, ixt5:, the
    SEC's ixt-sec: on the nils' dashes): the prefix is the document's to choose."""
    doc.text = doc.text.replace('format="ixt:num-dot-decimal"', 'format="ixt4:num-dot-decimal"')
    doc.text = doc.text.replace('format="ixt:fixed-zero"', 'format="ixt5:fixed-zero"')


def hidden_dollars(doc: Doc) -> None:
    """Every figure tagged again in ix:hidden in whole dollars (scale="0", its digits
    written out: "303000"), the same value as the print's."""
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    copies = "".join(f'<ix:nonFraction name="{f["concept"]}" contextRef="{f["context"]}" unitRef="usd" '
                     f'decimals="-{units}" scale="0" id="{f["id"]}-d" format="ixt:num-dot-decimal"'
                     f'{NEG if f["amount"] < 0 else ""}>{abs(f["amount"].scaleb(units)):,f}</ix:nonFraction>'
                     for f in doc.facts if not f["nil"])
    doc.text = doc.text.replace("</ix:hidden>", copies + "</ix:hidden>", 1)


def parenthetical_balances(doc: Doc) -> None:
    """Each reserve's closing balances printed again in a sentence before the schedule (a
    balance sheet's parenthetical: "net of allowances of $346 and $303"), tagged with the
    family's balance concept in the schedule's own contexts (the same fact twice)."""
    closings = [f for f in doc.facts if f["kind"] == "closing" and not f["nil"] and not f["context"].endswith("-total")]
    if not closings:
        return
    first = closings[0]["context"].rsplit("-", 1)[-1]
    mine = [f for f in closings if f["context"].endswith("-" + first)]
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    figures = " and ".join(f'$<ix:nonFraction name="{BALANCE}" contextRef="{f["context"]}" unitRef="usd" '
                           f'id="{f["id"]}-bs" decimals="{-units}" scale="{units}" format="ixt:num-dot-decimal"'
                           f'{NEG if f["amount"] < 0 else ""}>{abs(f["amount"]):,}</ix:nonFraction>' for f in mine)
    at = doc.text.index('<ix:nonNumeric name="srt:ScheduleOfValuation')
    doc.text = doc.text[:at] + f"<p>Accounts receivable, net of allowances of {figures}</p>\n" + doc.text[at:]


def _entity_on(doc: Doc, axis: str, member: str, totals: bool) -> None:
    entity = f'<xbrldi:explicitMember dimension="{axis}">{member}</xbrldi:explicitMember>'
    def add(m: re.Match) -> str:
        if m.group(2):
            return m.group(1) + m.group(2) + entity
        return m.group(0) + ("<xbrli:segment>" + entity + "</xbrli:segment>" if totals else "")
    doc.text = re.sub(r"(<xbrli:context id=\"c-[^>]*>.*?</xbrli:identifier>)(<xbrli:segment>)?", add, doc.text)


def consolidated_entity(doc: Doc) -> None:
    """Every context, the totals' too, also on srt:ConsolidatedEntitiesAxis (a filer's
    schedule of its consolidated subsidiaries, second after the reserve's member)."""
    _entity_on(doc, "srt:ConsolidatedEntitiesAxis", "srt:SubsidiariesMember", True)


def entity_on_rows(doc: Doc) -> None:
    """The reserves' contexts also on dei:LegalEntityAxis (the operating subsidiary that
    holds them), the totals' on no axis (the registrant's)."""
    _entity_on(doc, "dei:LegalEntityAxis", "abc:OperatingCompanyMember", False)


def member_totals(doc: Doc) -> None:
    """The totals tagged on the reserve axis too, with a member of their own
    (abc:ValuationAndQualifyingAccountsTotalMember), not with no member."""
    for cid, ctx in list(doc.contexts.items()):
        if not cid.endswith("-total"):
            continue
        axis = "abc:AllowanceAndReserveTypeAxis" if "extension-axis" in doc.habits else AXIS
        new = ctx.replace("</xbrli:identifier>", f'</xbrli:identifier><xbrli:segment><xbrldi:explicitMember '
                          f'dimension="{axis}">abc:ValuationAndQualifyingAccountsTotalMember</xbrldi:explicitMember>'
                          "</xbrli:segment>")
        doc.text = doc.text.replace(ctx, new)


def gross_writeoffs_note(doc: Doc) -> None:
    """A note after the schedule giving the first reserve's write-offs gross and its
    recoveries, tagged with us-gaap's receivable concepts in the reserve's own duration
    contexts (AccountsReceivableAllowanceForCreditLossWriteoff / ...Recovery): a second
    cut of the deductions the schedule prints net."""
    moves = [f for f in doc.facts if f["kind"] == "move" and not f["nil"] and not f["context"].endswith("-total")
             and f["concept"] in (CONCEPTS["deductions"], CONCEPTS["writeoffs"])]
    if not moves:
        return
    member = moves[0]["context"].rsplit("-", 1)[-1]
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    parts = []
    for n, f in enumerate(m for m in moves if m["context"].endswith("-" + member)):
        taken = abs(f["amount"])
        recovered = Decimal(7 + n)
        attrs = f'contextRef="{f["context"]}" unitRef="usd" decimals="{-units}" scale="{units}" format="ixt:num-dot-decimal"'
        parts.append(f'write-offs of $<ix:nonFraction name="us-gaap:AccountsReceivableAllowanceForCreditLossWriteoff" '
                     f'{attrs} id="{f["id"]}-g">{taken + recovered:,}</ix:nonFraction> and recoveries of '
                     f'$<ix:nonFraction name="us-gaap:AccountsReceivableAllowanceForCreditLossRecovery" {attrs} '
                     f'id="{f["id"]}-r">{recovered:,}</ix:nonFraction>')
    end = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
    doc.text = doc.text[:end] + f"\n<p>The deductions above are net: {'; '.join(parts)}.</p>" + doc.text[end:]


def current_portion(doc: Doc) -> None:
    """The balance sheet's current part of the first reserve's closing balances, printed
    before the schedule and tagged with us-gaap's AccountsReceivableAllowanceForCreditLossCurrent
    in the reserve's own contexts (the schedule's balance tagged with the family's):
    another figure of the same instant and member, a part of the schedule's."""
    closings = [f for f in doc.facts if f["kind"] == "closing" and not f["nil"] and not f["context"].endswith("-total")
                and f["amount"] > 2]
    if not closings:
        return
    member = closings[0]["context"].rsplit("-", 1)[-1]
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    figures = " and ".join(f'$<ix:nonFraction name="us-gaap:AccountsReceivableAllowanceForCreditLossCurrent" '
                           f'contextRef="{f["context"]}" unitRef="usd" id="{f["id"]}-c" decimals="{-units}" '
                           f'scale="{units}" format="ixt:num-dot-decimal">{f["amount"] - 1:,}</ix:nonFraction>'
                           for f in closings if f["context"].endswith("-" + member))
    at = doc.text.index('<ix:nonNumeric name="srt:ScheduleOfValuation')
    doc.text = doc.text[:at] + f"<p>Current receivables are net of allowances of {figures}.</p>\n" + doc.text[at:]


def geography(doc: Doc) -> None:
    """Every context, the totals' too, also on srt:StatementGeographicalAxis (the
    domestic operations' schedule of a filer reporting two): whose figures, not which reserve."""
    _entity_on(doc, "srt:StatementGeographicalAxis", "country:US", True)


def earlier_year_note(doc: Doc) -> None:
    """A note after the schedule giving the first reserve's provision and write-offs of the
    year before the schedule's first, in us-gaap's receivable concepts on the reserve's
    member (a roll-forward of three years beside a schedule of two)."""
    moves = [f for f in doc.facts if f["kind"] == "move" and not f["context"].endswith("-total")]
    if not moves:
        return
    m = re.match(r"c-d(\d{4})-(\d\d)-(\d\d)_(\d{4})-(\d\d)-(\d\d)-(.*)", min(
        (f["context"] for f in moves), key=lambda c: c[3:13]))
    if not m:
        return
    start = date(int(m.group(1)) - 1, int(m.group(2)), int(m.group(3)))
    end = date(int(m.group(4)) - 1, int(m.group(5)), int(m.group(6)))
    cid = f"c-d{start}_{end}-{m.group(7)}"
    old = doc.contexts[f"c-d{m.group(1)}-{m.group(2)}-{m.group(3)}_{m.group(4)}-{m.group(5)}-{m.group(6)}-{m.group(7)}"]
    ctx = re.sub(r'id="[^"]*"', f'id="{cid}"', old, count=1)
    ctx = re.sub(r"<xbrli:startDate>[^<]*", f"<xbrli:startDate>{start}", ctx)
    ctx = re.sub(r"<xbrli:endDate>[^<]*", f"<xbrli:endDate>{end}", ctx)
    doc.text = doc.text.replace("</ix:resources>", ctx + "</ix:resources>", 1)
    units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
    attrs = f'contextRef="{cid}" unitRef="usd" decimals="{-units}" scale="{units}" format="ixt:num-dot-decimal"'
    note = (f'<p>In {end.year} the provision was $<ix:nonFraction name="us-gaap:AccountsReceivableCreditLossExpenseReversal" '
            f'{attrs} id="n-1">412</ix:nonFraction> and write-offs were $<ix:nonFraction '
            f'name="us-gaap:AccountsReceivableAllowanceForCreditLossWriteoff" {attrs} id="n-2">388</ix:nonFraction>.</p>')
    end_at = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
    doc.text = doc.text[:end_at] + "\n" + note + doc.text[end_at:]


def _misign(doc: Doc, which) -> None:
    """Flip the sign="-" of the facts `which` picks, each then contradicting its print."""
    for f in doc.facts:
        if f["nil"] or not f["amount"] or not which(f):
            continue
        start = re.search(r'<ix:nonFraction [^>]*id="' + f["id"] + '"[^>]*>', doc.text)
        tag = start.group(0)
        flipped = tag.replace(NEG, "") if NEG in tag else tag[:-1] + NEG + ">"
        doc.text = doc.text[:start.start()] + flipped + doc.text[start.end():]
        doc.misigned.append(f["at"])


def notes_after(doc: Doc) -> None:
    """The schedule's table printed again after it, in a note of the F-pages that follow
    (the allowance's roll-forward), its figures tagged in the same contexts under other
    ids and with no title of its own: the schedule first, the note second."""
    block = re.search(r"<table\b.*?</table>", doc.text, re.DOTALL).group(0)
    copy_ = re.sub(r'id="(f-\d+)"', r'id="\1-note"', block)
    end = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
    doc.text = (doc.text[:end] + "\n<p><b>Note 5 — Accounts Receivable</b></p>\n<p>The activity in the allowance was "
                "as follows:</p>\n" + copy_ + doc.text[end:])


def sign_unprinted(doc: Doc) -> None:
    """Deductions printed without parentheses (amounts taken) tagged sign="-" all the same
    (software that signs every deduction negative): each tag contradicts its print."""
    _misign(doc, lambda f: f["kind"] == "move" and f["role"] in SUBTRACTING and f["printed"] is not None
            and f["printed"] > 0 and NEG not in _start_tag(doc, f["id"]))


def parens_unsigned(doc: Doc) -> None:
    """Additions and adjustments printed in parentheses (negative) tagged without sign="-"
    (the digits tagged as printed, the sign forgotten): each tag contradicts its print."""
    _misign(doc, lambda f: f["kind"] == "move" and f["role"] not in SUBTRACTING and f["printed"] is not None
            and f["printed"] < 0 and NEG in _start_tag(doc, f["id"]))


def _start_tag(doc: Doc, fid: str) -> str:
    return re.search(r'<ix:nonFraction [^>]*id="' + fid + '"[^>]*>', doc.text).group(0)


def block_only(doc: Doc) -> None:
    """Only the text block tagged: every figure printed, none tagged (small filers tag the
    schedule as one block of text and no figure in it)."""
    doc.text = re.sub(r"<ix:nonFraction [^>]*>([^<]*)</ix:nonFraction>", r"\1", doc.text)
    doc.text = re.sub(r"<ix:nonFraction [^>]*/>", "", doc.text)


EDITS.update({"exclude-markers": exclude_markers, "chained-continuation": chained_continuation,
              "decimals-inf": decimals_inf, "registry-prefixes": registry_prefixes, "hidden-dollars": hidden_dollars,
              "parenthetical-balances": parenthetical_balances, "consolidated-entity": consolidated_entity,
              "entity-on-rows": entity_on_rows, "member-totals": member_totals,
              "gross-writeoffs-note": gross_writeoffs_note, "current-portion": current_portion,
              "geography": geography, "earlier-year-note": earlier_year_note, "block-only": block_only,
              "sign-unprinted": sign_unprinted, "parens-unsigned": parens_unsigned, "notes-after": notes_after})
THIRD = ("exclude-markers", "chained-continuation", "decimals-inf", "registry-prefixes", "hidden-dollars",
         "parenthetical-balances", "consolidated-entity", "entity-on-rows", "member-totals", "gross-writeoffs-note",
         "current-portion", "geography", "earlier-year-note", "block-only", "sign-unprinted", "parens-unsigned",
         "notes-after")
VARIATIONS = VARIATIONS + THIRD


# --- habits of a fourth look (s28-ixbrl4) -----------------------------------------------

def _units(doc: Doc) -> int:
    return SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)


def _rescale(doc: Doc, which, scale: int, decimals: int = None) -> None:
    """The facts `which` picks tagged scale=`scale` (and decimals), their digits as printed:
    each then a thousand times its print (a tag error, expected found at its cell)."""
    for f in doc.facts:
        if f["nil"] or not f["amount"] or not which(f):
            continue
        start = re.search(r'<ix:nonFraction [^>]*id="' + f["id"] + '"[^>]*>', doc.text)
        tag = re.sub(r'scale="-?\d+"', f'scale="{scale}"', start.group(0))
        tag = re.sub(r'decimals="-?\d+"', f'decimals="{-scale if decimals is None else decimals}"', tag)
        doc.text = doc.text[:start.start()] + tag + doc.text[start.end():]
        doc.misigned.append(f["at"])


def scale_one(doc: Doc) -> None:
    """One movement fact tagged scale a thousand times its neighbours' (scale="6" beside
    scale="3": a slip of one figure's tagging)."""
    first = next((f for f in doc.facts if f["kind"] == "move" and not f["nil"] and f["amount"]), None)
    if first is not None:
        _rescale(doc, lambda f: f is first, _units(doc) + 3)


def scale_column(doc: Doc) -> None:
    """The facts of one movement column (its first concept's) tagged in other units than
    the rest of the table's (scale="6" under thousands): every one of them a slip."""
    moves = [f for f in doc.facts if f["kind"] == "move" and not f["nil"] and f["amount"]]
    if moves:
        column = moves[0]["at"][2]
        _rescale(doc, lambda f: f["kind"] == "move" and f["at"][2] == column, _units(doc) + 3)


def decimals_coarse(doc: Doc) -> None:
    """Every fact decimals two places coarser than its scale (decimals="-5" with
    scale="3": software stating the figures rounded to hundreds of thousands): the values
    are the print's all the same."""
    units = _units(doc)
    doc.text = re.sub(r'(<ix:nonFraction [^>]*?)decimals="-?\d+"', lambda m: m.group(1) + f'decimals="{-units - 2}"',
                      doc.text)


def comma_decimal(doc: Doc) -> None:
    """Figures written without a thousands separator tagged ixt:num-comma-decimal (and, in
    turn, TR 3's ixt:numcommadecimal: a European filing agent's default): each reads as
    printed.  (A comma-decimal print, "1.234,5", is no US table's: the formats' other
    names are read or refused in test_xbrl_facts.test_transforms.)"""
    n = [0]

    def swap(m: re.Match) -> str:
        if "," in m.group(2) or "." in m.group(2):
            return m.group(0)
        n[0] += 1
        return m.group(1).replace("ixt:num-dot-decimal", ("ixt:num-comma-decimal", "ixt:numcommadecimal")[n[0] % 2]) + m.group(2)
    doc.text = re.sub(r'(<ix:nonFraction [^>]*format="ixt:num-dot-decimal"[^>]*>' + SENTINEL + r'?)([^<]*)', swap, doc.text)


def paren_markers(doc: Doc, excluded: bool = False) -> None:
    """A footnote marker inside a negative's parentheses, after the figure: "(93(1))", the
    marker a <sup> after the tag (GoFiler), or (`excluded`) in ix:exclude inside it
    (Workiva, Toppan Merrill)."""
    marker = '<sup style="font-size:6.5pt;vertical-align:top">(1)</sup>'
    if excluded == "plain":  # (the marker's text alone, no raised element: "(93(1))" as printed)
        marker = "(1)"
    if excluded:
        doc.text = re.sub(r"(\(<ix:nonFraction [^>]*>[^<]*)(</ix:nonFraction>\))",
                          r"\1<ix:exclude>" + marker + r"</ix:exclude>\2", doc.text)
    else:
        doc.text = re.sub(r"(\(<ix:nonFraction [^>]*>[^<]*</ix:nonFraction>)\)", r"\1" + marker + ")", doc.text)
    doc.text = doc.text.replace("</table>", "</table><p><sup>(1)</sup> Includes amounts of businesses sold.</p>", 1)


def _first_reserve(doc: Doc, kind: str) -> list:
    facts = [f for f in doc.facts if f["kind"] == kind and not f["nil"] and not f["context"].endswith("-total")]
    if not facts:
        return []
    member = facts[0]["context"].rsplit("-", 1)[-1]
    return [f for f in facts if f["context"].endswith("-" + member)]


def _context_with(doc: Doc, cid: str, new: str, axis: str, member: str) -> str:
    """The context `cid` again as `new`, on `axis`'s `member` too."""
    ctx = doc.contexts[cid].replace(f'id="{cid}"', f'id="{new}"')
    ctx = ctx.replace("</xbrli:segment>", f'<xbrldi:explicitMember dimension="{axis}">{member}</xbrldi:explicitMember>'
                                          "</xbrli:segment>")
    doc.text = doc.text.replace("</ix:resources>", ctx + "</ix:resources>", 1)
    return new


def range_note(doc: Doc) -> None:
    """A note after the schedule giving the first reserve's closing balance and first
    movement as ranges (srt:RangeAxis, srt:MinimumMember / srt:MaximumMember) in the
    family's concepts on the reserve's member: other figures of its row, none of them its."""
    units, parts = _units(doc), []
    for f in _first_reserve(doc, "closing")[:1] + _first_reserve(doc, "move")[:1]:
        for n, (member, delta) in enumerate((("srt:MinimumMember", -2), ("srt:MaximumMember", 3))):
            cid = _context_with(doc, f["context"], f'{f["context"]}-r{n}', "srt:RangeAxis", member)
            parts.append(f'$<ix:nonFraction name="{f["concept"]}" contextRef="{cid}" unitRef="usd" decimals="{-units}" '
                         f'scale="{units}" format="ixt:num-dot-decimal" id="{f["id"]}-r{n}">{abs(f["amount"]) + delta:,}'
                         "</ix:nonFraction>")
    if parts:
        end = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
        doc.text = doc.text[:end] + f"\n<p>The allowance is estimated at between {' and '.join(parts)}.</p>" + doc.text[end:]


def scenario_note(doc: Doc) -> None:
    """A restatement note after the schedule giving the first reserve's movements and
    closing balances as previously reported (srt:StatementScenarioAxis,
    srt:ScenarioPreviouslyReportedMember), other values, on the reserve's member."""
    units, parts = _units(doc), []
    for f in _first_reserve(doc, "closing") + _first_reserve(doc, "move"):
        cid = _context_with(doc, f["context"], f'{f["context"]}-pr', "srt:StatementScenarioAxis",
                            "srt:ScenarioPreviouslyReportedMember")
        parts.append(f'$<ix:nonFraction name="{f["concept"]}" contextRef="{cid}" unitRef="usd" decimals="{-units}" '
                     f'scale="{units}" format="ixt:num-dot-decimal" id="{f["id"]}-pr">{abs(f["amount"]) + 5:,}'
                     "</ix:nonFraction>")
    if parts:
        end = doc.text.rindex("</ix:nonNumeric>") + len("</ix:nonNumeric>")
        doc.text = doc.text[:end] + f"\n<p>As previously reported: {', '.join(parts)}.</p>" + doc.text[end:]


def scenario_all(doc: Doc) -> None:
    """Every context, the totals' too, also on srt:StatementScenarioAxis (the schedule
    of the year's figures as restated, srt:RestatementAdjustmentMember's sibling
    srt:ScenarioRestatedMember... filers write "as restated" on all of a restated table)."""
    _entity_on(doc, "srt:StatementScenarioAxis", "abc:AsRestatedMember", True)


def duration_balances(doc: Doc) -> None:
    """Every balance tagged in the period's duration context, not at an instant (a filer's
    slip: the balance "for the year"): each such tag contradicts its print's kind; each
    column of them is expected found once, at one of its cells (`misplaced`)."""
    for f in doc.facts:
        if f["kind"] not in ("opening", "closing"):
            continue
        doc.misplaced.append(f["at"])
        pi, ri, _ = f["at"]
        cid = doc.context("move", pi, ri)
        doc.text = re.sub(r'(<ix:nonFraction [^>]*contextRef=")' + re.escape(f["context"]) + r'("[^>]*id="' + f["id"] + '")',
                          r"\g<1>" + cid + r"\2", doc.text)
    doc.text = re.sub(r"</ix:resources>.*?</ix:resources>", "</ix:resources>", doc.text, flags=re.DOTALL)
    doc.text = doc.text.replace("</ix:resources>", "".join(c for c in doc.contexts.values()
                                                             if c not in doc.text) + "</ix:resources>", 1)


EDITS.update({"scale-one": scale_one, "scale-column": scale_column, "decimals-coarse": decimals_coarse,
              "comma-decimal": comma_decimal, "paren-markers": paren_markers,
              "paren-excluded": lambda doc: paren_markers(doc, excluded=True),
              "paren-plain": lambda doc: paren_markers(doc, excluded="plain"), "range-note": range_note,
              "scenario-note": scenario_note, "scenario-all": scenario_all, "duration-balances": duration_balances})
FOURTH = ("scale-one", "scale-column", "decimals-coarse", "comma-decimal", "paren-markers", "paren-excluded", "paren-plain", "range-note",
          "scenario-note", "scenario-all", "duration-balances")
VARIATIONS = VARIATIONS + FOURTH


# A 10-K's main document ahead of the exhibit holding the schedule, in one EDGAR .txt submission:
# its own ix:header (a context of its own; `contexts_first` moves the schedule's there too).
MAIN_10K = ('<SEC-DOCUMENT>0000000001-24-000001.txt : 20240215\n<SEC-HEADER>0000000001-24-000001.hdr.sgml : 20240215\n'
            "ACCESSION NUMBER:\t\t0000000001-24-000001\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n"
            "<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>abc-20231231.htm\n<TEXT>\n"
            '<html>\n<head><title>abc-20231231</title></head>\n<body>\n<div style="display:none"><ix:header>'
            '<ix:hidden><ix:nonNumeric name="dei:DocumentType" contextRef="c-main">10-K</ix:nonNumeric></ix:hidden>'
            '<ix:resources><xbrli:context id="c-main"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
            "0000000001</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2023-01-01</xbrli:startDate>"
            "<xbrli:endDate>2023-12-31</xbrli:endDate></xbrli:period></xbrli:context>{contexts}</ix:resources>"
            "</ix:header></div>\n<p>ITEM 15. EXHIBITS AND FINANCIAL STATEMENT SCHEDULES</p>\n"
            "<p>Schedule II is filed as Exhibit 99.1 to this report.</p>\n"
            '<table><tr><td>Total revenue</td><td><ix:nonFraction name="us-gaap:Revenues" contextRef="c-main" '
            'unitRef="usd" decimals="-3" scale="3" format="ixt:num-dot-decimal">812,400</ix:nonFraction></td></tr></table>\n'
            "</body>\n</html>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>abc-ex991.htm\n"
            "<DESCRIPTION>SCHEDULE II\n<TEXT>\n")


def exhibit_document(doc: Doc, contexts_first: bool = False) -> None:
    """The schedule in an exhibit (EX-99.1) of the submission, after the 10-K's own
    document: an EDGAR .txt submission of two inline XBRL documents, each with an
    ix:header; `contexts_first`: the schedule's contexts declared in the 10-K's header
    (one document set's resources may sit in any of its documents)."""
    contexts = ""
    if contexts_first:
        contexts = "".join(doc.contexts.values())
        for text in doc.contexts.values():
            doc.text = doc.text.replace(text, "", 1)
    doc.text = MAIN_10K.format(contexts=contexts) + doc.text.rstrip("\n") + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"


EDITS.update({"exhibit-document": exhibit_document,
              "exhibit-contexts-first": lambda doc: exhibit_document(doc, contexts_first=True)})
VARIATIONS = VARIATIONS + ("exhibit-document", "exhibit-contexts-first")


def single_quotes(doc: Doc) -> None:
    """Every attribute of the facts and contexts in single quotes (XHTML writers of
    page-layout converters quote so): contextRef='c-...', id='...'."""
    def requote(m: re.Match) -> str:
        return re.sub(r'(\s[\w:.-]+)="([^"\']*)"', r"\1='\2'", m.group(0))
    doc.text = re.sub(r"<(?:ix:nonFraction|ix:nonNumeric|ix:continuation|xbrli:context|xbrldi:explicitMember)\b[^>]*>",
                      requote, doc.text)


def scenario_element(doc: Doc) -> None:
    """The reserves' members in <xbrli:scenario>, not <xbrli:segment> (XBRL Dimensions lets a
    hypercube sit in either; older software writes scenario)."""
    doc.text = doc.text.replace("<xbrli:segment>", "").replace("</xbrli:segment>", "")
    doc.text = re.sub(r"(</xbrli:entity><xbrli:period>.*?</xbrli:period>)", r"\1", doc.text)
    doc.text = re.sub(r"(<xbrli:identifier [^>]*>[^<]*</xbrli:identifier>)((?:<xbrldi:explicitMember .*?</xbrldi:explicitMember>)*)"
                      r"</xbrli:entity><xbrli:period>(.*?)</xbrli:period>",
                      lambda m: m.group(1) + "</xbrli:entity><xbrli:period>" + m.group(3) + "</xbrli:period>"
                      + (f"<xbrli:scenario>{m.group(2)}</xbrli:scenario>" if m.group(2) else ""), doc.text)


def midnight_dates(doc: Doc) -> None:
    """Periods written as xs:dateTime: an instant or end date as midnight of the day
    after ("2024-01-01T00:00:00" for December 31), a start date at midnight of its day."""
    def next_day(m: re.Match) -> str:
        day = date.fromisoformat(m.group(2)) + timedelta(days=1)
        return f"<xbrli:{m.group(1)}>{day}T00:00:00</xbrli:{m.group(1)}>"
    doc.text = re.sub(r"<xbrli:(instant|endDate)>(\d{4}-\d\d-\d\d)</xbrli:\1>", next_day, doc.text)
    doc.text = re.sub(r"<xbrli:startDate>(\d{4}-\d\d-\d\d)</xbrli:startDate>",
                      r"<xbrli:startDate>\1T00:00:00</xbrli:startDate>", doc.text)


def default_namespace(doc: Doc) -> None:
    """The contexts written in XBRL's namespace as the default (no xbrli: prefix; xbrldi's
    explicitMember as <explicitMember xmlns=...>)."""
    doc.text = re.sub(r"<(/?)xbrli:", r"<\1", doc.text)
    doc.text = re.sub(r"<(/?)xbrldi:explicitMember", r"<\1explicitMember", doc.text)


def ids_in_contexts(doc: Doc) -> None:
    """Context ids that are the facts' own ids' look-alikes and contain dots and the
    member's name cut short (DFIN's "From2023-01-01to2023-12-31_us-gaap_..." style), the
    reserve axis's member written with the us-gaap prefix's default namespace aside."""
    ids = {cid: "From" + cid.replace("c-", "", 1).replace("_", "to").replace("-", ".", 3) + "_abc_" + cid[-12:]
           for cid in doc.contexts}
    doc.text = re.sub(r'(contextRef="|<xbrli:context id=")(c-[^"]*)"',
                      lambda m: m.group(1) + ids.get(m.group(2), m.group(2)) + '"', doc.text)


EDITS.update({"single-quotes": single_quotes, "scenario-element": scenario_element, "midnight-dates": midnight_dates,
              "default-namespace": default_namespace, "ids-in-contexts": ids_in_contexts})
OWN = ("single-quotes", "scenario-element", "midnight-dates", "default-namespace", "ids-in-contexts")
VARIATIONS = VARIATIONS + OWN


def two_blocks(doc: Doc) -> None:
    """The table cut at a page break into two text blocks of the schedule's concept, the
    second its own ix:nonNumeric (in the same context, no continuation): software
    tagging each page's part apart, the headings repeated over the second."""
    _, head = _heading_rows(doc)
    tag = re.search(r'<ix:nonNumeric name="srt:ScheduleOfValuation[^>]*>', doc.text).group(0)
    rows = [m.start() for m in re.finditer(r"<tr\b", doc.text)]
    cut = rows[len(rows) // 2]
    opening = re.search(r"<table[^>]*>", doc.text).group(0)
    second = tag.replace('escape="true"', 'escape="true" id="block-2"')
    doc.text = (doc.text[:cut] + '</table></ix:nonNumeric>\n<hr style="page-break-after:always"/>\n'
                + second + opening + "\n" + "\n".join(head) + "\n" + doc.text[cut:])


def exhibit_hidden(doc: Doc) -> None:
    """The schedule in an exhibit of the submission (exhibit-document), every fact in the
    exhibit's ix:hidden and its print untagged (hidden-facts)."""
    hidden_facts(doc)
    exhibit_document(doc)


EDITS.update({"two-blocks": two_blocks, "exhibit-hidden": exhibit_hidden})
OWN = OWN + ("two-blocks", "exhibit-hidden")
VARIATIONS = VARIATIONS + ("two-blocks", "exhibit-hidden")


# --- habits of a fifth look (s29-ixbrl5) ------------------------------------------------

# ASC 326 (ASU 2016-13), adopted at the start of 2020 by most filers: the cumulative effect on an
# allowance is tagged as the family's balance at the day before the adoption period, on the
# reserve's member and srt's adoption member (a movement of that period, not a reserve of its own).
ADOPTION_AXIS = "srt:CumulativeEffectPeriodOfAdoptionAxis"
ADOPTION_MEMBER = "srt:CumulativeEffectPeriodOfAdoptionAdjustmentMember"
PRONOUNCEMENT_AXIS = "us-gaap:AdjustmentsForNewAccountingPronouncementsAxis"
PRONOUNCEMENT_MEMBER = "us-gaap:AccountingStandardsUpdate201613Member"
ADOPTION_HEADING = "Adoption of ASC 326"
ADJUSTED_MEMBER = "srt:CumulativeEffectPeriodOfAdoptionAdjustedBalanceMember"


def with_adoption(spec: dict, negative: bool = False) -> dict:
    """The table with a column "Adoption of ASC 326" before the provision: in the first
    period printed, each reserve's tenth of its provision split off into it (the totals'
    the sum of their parts', so the arithmetic holds as it did), a dash in the others;
    `negative`: the adoption a release, the tenth printed in parentheses (the provision
    that much more)."""
    from heading_habits import _column, _parts, _printed, _tenth
    k = _column(spec, {"charged_costs"})
    if k is None or "adoption" in spec:
        return spec
    spec = copy.deepcopy(spec)
    spec["columns"].insert(k + 1, ADOPTION_HEADING)
    spec["roles"].insert(k + 1, "other")
    spec["adoption"] = k
    for pi, period in enumerate(spec["periods"]):
        news = {}
        for row in period["rows"]:
            kind, value, decimals = parse_cell(row["cells"][k]) if row["cells"] else (None, None, 0)
            if pi == 0 and kind == "amount" and not row.get("is_total"):
                news[id(row)] = ((-1 if negative else 1) * _tenth(value, decimals), decimals)
        for total, parts in _parts(period["rows"]):
            got = [news[id(p)] for p in parts if id(p) in news]
            if got:
                news[id(total)] = (sum((v for v, _ in got), Decimal(0)), max(d for _, d in got))
        for row in period["rows"]:
            if not row["cells"]:
                continue
            if row.get("footnotes"):
                row["footnotes"].insert(k, "")
            if id(row) not in news:
                row["cells"].insert(k, "\u2014")
                continue
            new, decimals = news[id(row)]
            _, value, _ = parse_cell(row["cells"][k])
            row["cells"][k] = _printed(value - new, decimals)
            row["cells"].insert(k, _printed(new, decimals))
    return spec


# The adoption's habits: a column before the provision; a row of each account's block (the years
# as columns); the column's facts also on us-gaap's pronouncement axis (ASU 2016-13's member).
ADOPTION = {"adoption-column": frozenset(), "adoption-row": frozenset({"transposed"}), "adoption-asu": frozenset(),
            "adoption-pronouncement": frozenset(), "adoption-adjusted": frozenset(), "adoption-duration": frozenset()}


def adjusted_balances(doc: Doc) -> None:
    """Each reserve's opening balance as adjusted by the adoption tagged too, in ix:hidden
    (srt's adjusted balance member, the opening's instant): no figure of the print."""
    units = _units(doc)
    opening = {f["at"][:2]: f for f in doc.facts if f["kind"] == "opening"}
    facts = []
    for f in doc.facts:
        if f["kind"] != "adoption" or f["at"][:2] not in opening:
            continue
        pi, ri, _ = f["at"]
        value = opening[(pi, ri)]["amount"] + f["amount"]
        cid = doc.context("adjusted", pi, ri)
        facts.append(f'<ix:nonFraction name="{BALANCE}" contextRef="{cid}" unitRef="usd" decimals="{-units}" '
                     f'scale="{units}" format="ixt:num-dot-decimal" id="{f["id"]}-adj"{NEG if value < 0 else ""}>'
                     f'{abs(value):,}</ix:nonFraction>')
    doc.text = doc.text.replace("</ix:hidden>", "".join(facts) + "</ix:hidden>", 1)
    doc.text = doc.text.replace("</ix:resources>", "".join(c for c in doc.contexts.values() if c not in doc.text)
                                + "</ix:resources>", 1)


EDITS.update({"adoption-adjusted": adjusted_balances})
VARIATIONS = VARIATIONS + tuple(ADOPTION)


def with_adjusted(spec: dict) -> dict:
    """`with_adoption`'s table with the adoption's column right after the balance at beginning and
    a column "Balance at beginning of year, as adjusted" after it (heading_habits._adjusted): its
    figures tagged as the family's balance at the opening instant, on srt's adjusted balance member
    where the period adopts, in the opening balance's context elsewhere (the same value)."""
    from heading_habits import _adjusted
    if "adoption" not in spec:
        spec = with_adoption(spec)
    if spec.get("adoption") is None or "adjusted" in spec["roles"]:
        return spec
    opening = spec["roles"][1:].index("beginning")
    spec = _adjusted(spec)
    spec["adoption"] = opening + 1
    return spec


# A release on adoption, printed "(120)": tagged as the balance's, sign="-" (adoption-negative), or
# with the deductions' concept for the year on the adoption member, the amount taken positive
# (adoption-deduction: a subtracting concept).
NEGATIVE = {"adoption-negative": frozenset(), "adoption-deduction": frozenset()}
ADOPTION.update(NEGATIVE)
VARIATIONS = VARIATIONS + tuple(NEGATIVE)

ADJUSTED = {"adoption-adjusted-column": frozenset(), "adoption-adjusted-row": frozenset({"transposed"})}
VARIATIONS = VARIATIONS + tuple(ADJUSTED)


def printed_spec(spec: dict, variation: str) -> dict:
    """The table as the habit prints it, where the habit adds figures of its own (the
    adoption's column, the balance as adjusted): the spec the expected findings are computed from."""
    if variation in ADJUSTED:
        return with_adjusted(spec)
    if variation == "acquisitions-translation":
        return with_acquisitions(spec)
    if variation in SPELLINGS:
        return relettered(spec, SPELLINGS[variation])
    return with_adoption(spec, variation in NEGATIVE) if variation in ADOPTION else spec


def dollar_excluded(doc: Doc) -> None:
    """The "$" printed inside each positive figure's ix:nonFraction, in an ix:exclude (not
    in a cell of its own): printed with the figure, no part of the fact's value."""
    doc.text = re.sub(r"<td>\$</td>(<td[^>]*>)(<ix:nonFraction [^>]*>)" + SENTINEL,
                      r"<td></td>\1\2<ix:exclude>$</ix:exclude>" + SENTINEL, doc.text)


def parens_excluded(doc: Doc) -> None:
    """A negative figure's parentheses printed inside its ix:nonFraction, each in an
    ix:exclude (the fact's text its digits alone, its sign="-" the value's)."""
    doc.text = re.sub(SENTINEL + r"\((<ix:nonFraction [^>]*>)([^<]*)</ix:nonFraction>\)",
                      r"\1<ix:exclude>" + SENTINEL + r"(</ix:exclude>\2<ix:exclude>)</ix:exclude></ix:nonFraction>",
                      doc.text)


EDITS.update({"dollar-excluded": dollar_excluded, "parens-excluded": parens_excluded})
VARIATIONS = VARIATIONS + ("dollar-excluded", "parens-excluded")


# A sixth look (s30-ixbrl6): transformation formats of other filing software.
# - fixed-empty: nils tagged ixt:fixed-empty (the dash printed); numwords-no: nils printed "no"
#   under ixt-sec:numwordsen; millions-tenths: millions to one decimal, scale="6" decimals="-5".
VARIATIONS = VARIATIONS + ("fixed-empty", "numwords-no", "millions-tenths")


def tagged_twice(doc: Doc) -> None:
    """Each figure tagged twice, the two ix:nonFraction elements nested, the inner one in a copy
    of the outer's context under another id (software that writes a context per fact group):
    one fact, two contexts saying the same period and member."""
    for cid, ctx in list(doc.contexts.items()):
        doc.text = doc.text.replace("</ix:resources>", ctx.replace(f'id="{cid}"', f'id="{cid}-2"') + "</ix:resources>", 1)

    def nest(m: re.Match) -> str:
        start, body = m.group(1), m.group(2)
        inner = re.sub(r'contextRef="([^"]*)"', r'contextRef="\1-2"', start.replace(SENTINEL, ""))
        inner = re.sub(r'id="([^"]*)"', r'id="\1-b"', inner)
        return start + inner + body + "</ix:nonFraction></ix:nonFraction>"
    doc.text = re.sub(r'(<ix:nonFraction [^>]*contextRef="c-[^>]*>)([^<]*)</ix:nonFraction>', nest, doc.text)


EDITS.update({"tagged-twice": tagged_twice})
VARIATIONS = VARIATIONS + ("tagged-twice",)


# --- habits of a seventh look (s32-ixbrl2) ----------------------------------------------------------
# - css-align: every cell aligned by a style ("text-align:right"), no align attribute;
# - heading-spans: the headings in two rows, "Additions" spanning its columns' headings, the
#   other headings rowspan="2" down both rows;
# - group-labels: each reserve's label in a row of its own, the figures' row below with its label cell empty;
# - continued-title: the table cut at a page break (a div styled page-break-before), the title
#   repeated "(continued)" and the headings in the text block (not excluded);
# - dollar-inside: "$" printed in the figure's cell before its tag, no "$" cell;
# - by-account-spans, rowspan-accounts: a block of years per account with heading-spans' headings;
#   the account's name in a cell spanning its years' rows, not a caption row;
# - units-heading: "(In thousands)" as the label column's heading, not in the title;
# - zero-figures: nils printed "0" under ixt:num-dot-decimal;
# - note-title, note-block: the schedule as Item 8's last note ("Note 21. Valuation and Qualifying
#   Accounts"); its text block a filer's concept, a table of the receivables before the schedule's;
# - dollars-sparse: "$" on each block's first row and totals alone;
# - th-headings, period-rowspan, notes-in-table, heading-markers, indent-column: <th> headings; the
#   period's caption in a cell spanning its rows; footnotes as the table's last rows; "<sup>(1)</sup>"
#   after movement headings; an empty first cell opening every row;
# - group-labels-colon, group-labels-wide: group-labels with the label a caption ("Allowance for ...:"), or its
#   cell spanning the table; group-labels-split, -continued: a label left at a page's foot (page-split, continued-title);
# - outer-table, rule-rows, exclude-title, dash-glyphs-more: the block inside a one-cell layout
#   table; rows of empty cells drawing rules; the title in ix:exclude; nils "‑", "‒", "―".
CELL = re.compile(r"<td\b[^>]*?(?:/>|>.*?</td>)", re.DOTALL)


def css_align(doc: Doc) -> None:
    doc.text = re.sub(r'<td align="(\w+)"', r'<td style="text-align:\1;padding:0 2pt"', doc.text)
    doc.text = re.sub(r'<td colspan="(\d+)" align="(\w+)"', r'<td colspan="\1" style="text-align:\2;vertical-align:bottom"', doc.text)


def heading_spans(doc: Doc) -> None:
    """Two heading rows: "Additions" over the adding columns' headings, every other heading
    (and the spacers) rowspan="2" (the two-level heading of most 10-K Schedule IIs)."""
    start, end, rows = _table_head(doc)
    roles = doc.printed["roles"]
    head = next((m for m in rows if "Balance" in m.group(0) and SENTINEL not in m.group(0)), None)
    adds = [n for n, r in enumerate(roles) if r in ("charged_costs", "charged_other")]
    if head is None or len(adds) != 2 or adds[1] != adds[0] + 1:
        return
    opening = re.match(r"<tr[^>]*>", head.group(0)).group(0)
    cells = CELL.findall(head.group(0))
    # (the heading cells: a label, then spacer + heading per column)
    if len(cells) != 2 * len(roles) - 1:
        return
    first, last = 2 * adds[0], 2 * adds[1]  # (the two additions' headings; the spacer between)
    top, bottom = [], []
    for n, cell in enumerate(cells):
        if first <= n <= last:
            bottom.append(cell)
            if n == first:
                top.append('<td colspan="7" style="text-align:center;border-bottom:1pt solid #000">'
                           '<span>Additions</span></td>')
        else:
            top.append(re.sub(r"^<td\b", '<td rowspan="2"', cell))
    doc.text = (doc.text[:head.start()] + opening + "\n" + "\n".join(top) + "\n</tr>\n" + opening + "\n"
                + "\n".join(bottom) + "\n</tr>" + doc.text[head.end():])


def group_labels(doc: Doc, colon: str = "", wide: bool = False) -> None:
    """Each reserve's label alone in a row, its figures in the next row under an empty label cell
    (`colon`: the label ended ":" as a caption; `wide`: its cell spanning the table's columns)."""
    width = len(re.findall(r'<td style="width', doc.text))
    def split(m: re.Match) -> str:
        row = m.group(0)
        label = re.match(r'(<tr[^>]*>)(<td style="padding-left:10pt" colspan="3">)(<span[^>]*>[^<]+</span>)(</td>)', row)
        if SENTINEL not in row or not label or "Total" in label.group(3):
            return row
        cell = label.group(2).replace('colspan="3"', f'colspan="{width}"') if wide else label.group(2)
        return (label.group(1) + cell + label.group(3).replace("</span>", colon + "</span>") + label.group(4) + "</tr>\n"
                + label.group(1) + label.group(2) + label.group(4) + row[label.end():])
    doc.text = ROW.sub(split, doc.text)


def continued_title(doc: Doc) -> None:
    """The table cut at a page break as DFIN cuts it: the page's number, a div styled
    page-break-before, the title again "(continued)" and the headings, all printed in the
    text block (nothing excluded)."""
    start = doc.text.index("<table")
    data, head = _heading_rows(doc)
    if len(data) < 2:
        return
    opening = re.search(r"<table[^>]*>", doc.text[start:]).group(0)
    cut = data[len(data) // 2].start()
    title = re.search(r"<p><b>(Schedule II[^<]*)</b></p>", doc.text)
    again = (title.group(1) if title else "Schedule II — Valuation and Qualifying Accounts")
    again = re.sub(r" \(in \w+\)", "", again) + " (continued)"
    doc.text = (doc.text[:cut] + "</table>\n"
                '<p style="text-align:center">S-2</p>\n'
                '<div style="page-break-before:always"></div>\n'
                f"<p><b>{again}</b></p>\n" + opening + "\n" + "\n".join(head) + "\n" + doc.text[cut:])


def dollar_inside(doc: Doc) -> None:
    """The "$" in the figure's own cell, before its tag (a "$" cell dropped for an empty one)."""
    doc.text = re.sub(r'<td>\$</td><td align="right">(\(?<ix:nonFraction|' + SENTINEL + ')',
                      lambda m: '<td></td><td align="right">$&#160;' + m.group(1), doc.text)


def rowspan_accounts(doc: Doc) -> None:
    """A block of year rows per account, the account's name not in a caption row over them but
    in a cell spanning them (rowspan), the years in a label column of their own beside it."""
    blocks = re.split(r'(<tr><td colspan="\d+" style="padding-top:6pt"><span[^>]*><b>[^<]*</b></span></td></tr>\n)', doc.text)
    if len(blocks) < 3:
        return
    out = [blocks[0]]
    for caption, body in zip(blocks[1::2], blocks[2::2]):
        name = re.search(r"<b>([^<]*)</b>", caption).group(1).rstrip(":")
        tail = ""
        if "</table>" in body:
            body, tail = body[:body.index("</table>")], body[body.index("</table>"):]
        rows = [r for r in ROW.findall(body) if SENTINEL in r]
        rest = ROW.sub("", body).strip("\n")
        edited = []
        for n, r in enumerate(rows):
            r = r.replace('<td style="padding-left:10pt" colspan="3">', '<td style="padding-left:4pt">', 1)
            if n == 0:
                r = re.sub(r"^(<tr[^>]*>)", lambda m: m.group(1) + f'<td rowspan="{len(rows)}" colspan="2" '
                           f'style="vertical-align:top"><span>{name}</span></td>', r)
            edited.append(r)
        out.append("\n".join(edited) + "\n" + rest + tail)
    doc.text = "".join(out)


def units_heading(doc: Doc) -> None:
    """The units not in the title but in the label column's heading ("(In thousands)" for "Description")."""
    m = re.search(r" \(in (\w+)\)</b></p>", doc.text)
    if not m or ">Description<" not in doc.text:
        return
    doc.text = doc.text[:m.start()] + "</b></p>" + doc.text[m.end():]
    doc.text = doc.text.replace(">Description<", f">(In {m.group(1)})<", 1)


def zero_figures(doc: Doc) -> None:
    """Nils printed "0" and tagged as numbers (ixt:num-dot-decimal), not dashes under ixt:fixed-zero."""
    doc.text = re.sub(r'format="ixt:fixed-zero">(' + SENTINEL + r'?)[^<]*<', r'format="ixt:num-dot-decimal">\g<1>0<',
                      doc.text)
    doc.rendered.figures = [(pi, ri, k, "0", Decimal(0)) if v is None else (pi, ri, k, raw, v)
                            for pi, ri, k, raw, v in doc.rendered.figures]


def note_title(doc: Doc) -> None:
    """The schedule as the last note of Item 8, not Item 15's: titled "Note 21. Valuation and
    Qualifying Accounts", no "Schedule II" anywhere."""
    doc.text = re.sub("<p><b>Schedule II \u2014 ", "<p><b>Note 21. ", doc.text, count=1)


def dollars_sparse(doc: Doc) -> None:
    """"$" on each block's first row and its totals alone (the rows between print none)."""
    first = [True]

    def row(m: re.Match) -> str:
        r = m.group(0)
        if SENTINEL not in r:
            if re.sub(r"<[^>]*>|&nbsp;|&#160;|\s", "", r):
                first[0] = True  # (a caption or period row, not a spacer: the next figures' row prints "$")
            return r
        if first[0] or ">Total" in r:
            first[0] = False
            return r
        return r.replace("<td>$</td>", "<td></td>")
    doc.text = ROW.sub(row, doc.text)


def th_headings(doc: Doc) -> None:
    """The column headings' cells <th> (bold, centred by default), not <td>."""
    start, end, rows = _table_head(doc)
    head = next((m for m in rows if "Balance" in m.group(0) and SENTINEL not in m.group(0)), None)
    if head is None:
        return
    edited = re.sub(r"<td\b", "<th", head.group(0))
    edited = re.sub(r"</td>", "</th>", edited)
    doc.text = doc.text[:head.start()] + edited + doc.text[head.end():]


def period_rowspan(doc: Doc) -> None:
    """Each period's caption not in a row over its accounts but in a first label cell spanning
    their rows (rowspan), the accounts' labels (and captions) beside it."""
    start, end, rows = _table_head(doc)
    periods = {re.sub(r"\s+", " ", p["label"]).strip() for p in doc.printed["periods"]}

    def text_of(m: re.Match) -> str:
        return re.sub(r"\s+", " ", re.sub(r"<[^>]*>|&nbsp;|&#160;", " ", m.group(0))).strip()

    heads = [k for k, m in enumerate(rows) if SENTINEL not in m.group(0) and text_of(m) in periods]
    if not heads:
        return
    out, at = [doc.text[:start]], start
    for h, k in enumerate(heads):
        block = rows[k + 1:heads[h + 1] if h + 1 < len(heads) else len(rows)]
        if not block:
            return
        out.append(doc.text[at:rows[k].start()])
        for n, r in enumerate(block):
            row = re.sub(r'colspan="(\d+)"', lambda c: f'colspan="{int(c.group(1)) - 1}"', r.group(0), count=1)
            if n == 0:
                row = re.sub(r"^(<tr[^>]*>)", lambda t: t.group(1) + f'<td rowspan="{len(block)}" '
                             f'style="vertical-align:top"><span>{text_of(rows[k])}</span></td>', row)
            out.append(row + doc.text[r.end():block[n + 1].start()] if n + 1 < len(block) else row)
        at = block[-1].end()
    out.append(doc.text[at:])
    doc.text = "".join(out)


def notes_in_table(doc: Doc) -> None:
    """The table's footnotes as its last rows, each in one cell across the table."""
    width = len(re.findall(r'<td style="width', doc.text))
    notes = "".join(f'<tr><td colspan="{width}" style="padding-top:4pt"><span>{t}</span></td></tr>\n' for t in
                    ("(1) Deductions are write-offs of uncollectible accounts, net of recoveries.",
                     "(2) Charged to other accounts: the effect of businesses acquired and of foreign currency translation."))
    doc.text = doc.text.replace("</table>", notes + "</table>", 1)


def heading_markers(doc: Doc) -> None:
    """A footnote marker after each movement column's heading, raised (<sup>(1)</sup>)."""
    n = [0]

    def mark(m: re.Match) -> str:
        if "Balance" in m.group(2) or "Description" in m.group(2):
            return m.group(0)
        n[0] += 1
        return f"{m.group(1)}{m.group(2)}<sup>({n[0]})</sup>{m.group(3)}"
    start, end, rows = _table_head(doc)
    head = next((m for m in rows if "Balance" in m.group(0) and SENTINEL not in m.group(0)), None)
    if head is None:
        return
    edited = re.sub(r'(<td colspan="\d+" align="center"><span[^>]*>)([^<]*(?:<br>[^<]*)*)(</span>)', mark, head.group(0))
    doc.text = doc.text[:head.start()] + edited + doc.text[head.end():]


def indent_column(doc: Doc) -> None:
    """An empty narrow cell opening every row of the table (the label's indent as a column)."""
    start, end, rows = _table_head(doc)
    doc.text = doc.text[:start] + re.sub(r"(<tr\b[^>]*>)", r'\1<td style="width:1%"></td>', doc.text[start:end]) + doc.text[end:]


def note_block(doc: Doc) -> None:
    """The schedule in Item 8's last note ("Note 21. Valuation and Qualifying Accounts"), its text
    block the note's (a filer's concept naming no valuation and qualifying accounts), a sentence
    and a table of the receivables before the schedule's table.  (A note titled otherwise,
    "Allowances and Reserves", is no Schedule II found: its facts are checked alone, said by VX003.)"""
    note_title(doc)
    doc.text = doc.text.replace('name="srt:ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock"',
                                'name="abc:AllowancesAndReservesTextBlock"', 1)
    receivables = ('<p>Accounts receivable consisted of the following at year end:</p>\n<table style="width:60%">'
                   '<tr><td></td><td style="text-align:center">2024</td><td style="text-align:center">2023</td></tr>\n'
                   '<tr><td>Trade receivables</td><td style="text-align:right">41,210</td><td style="text-align:right">38,904</td></tr>\n'
                   '<tr><td>Other receivables</td><td style="text-align:right">2,115</td><td style="text-align:right">1,877</td></tr>\n'
                   '</table>\n<p>The activity in the Company\'s allowances and reserves was as follows:</p>\n')
    at = doc.text.index("<table")
    doc.text = doc.text[:at] + receivables + doc.text[at:]


def outer_table(doc: Doc) -> None:
    """The text block's content inside a layout table of one cell (page margins set by a table)."""
    start = doc.text.index("<p><b>Schedule II")
    end = doc.text.index("</ix:nonNumeric>", start)
    doc.text = (doc.text[:start] + '<table style="width:100%"><tr><td style="padding:0 36pt">\n' + doc.text[start:end]
                + '\n</td></tr></table>' + doc.text[end:])


def rule_rows(doc: Doc) -> None:
    """A row of empty cells styled border-bottom (the rule) over each row of figures after a spacer."""
    width = len(re.findall(r'<td style="width', doc.text))
    rule = ('<tr style="height:1pt"><td colspan="3"></td>' + '<td></td><td colspan="3" style="border-bottom:0.5pt solid #000">'
            '</td>' * max((width - 3) // 4, 1) + "</tr>\n")
    doc.text = doc.text.replace('<tr style="height:6pt"><td colspan="3">&nbsp;</td></tr>\n',
                                '<tr style="height:6pt"><td colspan="3">&nbsp;</td></tr>\n' + rule)


def exclude_title(doc: Doc) -> None:
    """The schedule's title and its paragraphs in ix:exclude inside the text block (printed, not its content)."""
    doc.text = re.sub(r"(<p><b>Schedule II[^\n]*</p>\n(?:<p>[^\n]*</p>\n)*)", r"<ix:exclude>\1</ix:exclude>", doc.text, count=1)


def label_left_behind(doc: Doc, cut_by) -> None:
    """The table cut at a page break (`cut_by`), then each label put in a row over its figures
    (group_labels), the first label after the break left at the foot of the page before it."""
    cut_by(doc)
    group_labels(doc)
    at = doc.text.index("</table>")
    label = re.compile(r'<tr[^>]*><td style="padding-left:10pt" colspan="3"><span[^>]*>[^<]+</span></td></tr>\n'
                       r'(?=<tr[^>]*><td style="padding-left:10pt" colspan="3"></td>)')
    m = label.search(doc.text, at)
    if m is None or SENTINEL in doc.text[at:m.start()]:
        return  # (the next page opens on figures: no label to leave behind)
    doc.text = doc.text[:at] + m.group(0) + doc.text[at:m.start()] + doc.text[m.end():]


SEVENTH = {"css-align": css_align, "heading-spans": heading_spans, "group-labels": group_labels,
           "continued-title": continued_title, "dollar-inside": dollar_inside,
           "by-account-spans": heading_spans, "rowspan-accounts": rowspan_accounts, "units-heading": units_heading,
           "zero-figures": zero_figures, "note-title": note_title, "dollars-sparse": dollars_sparse,
           "th-headings": th_headings, "period-rowspan": period_rowspan, "notes-in-table": notes_in_table,
           "heading-markers": heading_markers, "indent-column": indent_column, "note-block": note_block,
           "group-labels-colon": lambda doc: group_labels(doc, ":"),
           "group-labels-wide": lambda doc: group_labels(doc, wide=True), "outer-table": outer_table,
           "rule-rows": rule_rows, "exclude-title": exclude_title,
           "group-labels-split": lambda doc: label_left_behind(doc, page_split),
           "group-labels-continued": lambda doc: label_left_behind(doc, continued_title),
           "dash-glyphs-more": lambda doc: dash_glyphs(doc, (("&#8209;", "\u2011"), ("&#8210;", "\u2012"),
                                                             ("&#8213;", "\u2015")))}
LAYOUT_OF = {"by-account-spans": frozenset({"by-account"}), "rowspan-accounts": frozenset({"by-account"})}
EDITS.update(SEVENTH)
VARIATIONS = VARIATIONS + tuple(SEVENTH)


# An eighth look (s33-ixbrlnote): the schedule under another title.  Rule 12-09 lets a filer give
# the schedule's information in the notes instead: such a note is no Schedule II and is not read
# as one, unless the filing says it is (its text block tagged with the schedule's concept, or its
# columns lettered as the rule letters them); a page titled "Schedule II" under another caption is.
THE_TITLE = "Schedule II \u2014 Valuation and Qualifying Accounts"
THE_SENTENCE = "the activity of the Company's valuation and qualifying accounts"
OWN_BLOCK = 'name="abc:AllowancesAndReservesTextBlock"'
# Rule 12-09's letters as filers spell them ("COL. A", "Col. A", "Column A", "COLUMN A"), a <br> maybe
# between the word and its letter (the real tables' own headings print all four).
LETTER = re.compile(r"\b(?:COL\.|Col\.|COLUMN|Column)(?:\s|<br>)*([A-E])\b(?:<br>|\s)*")


def retitled(title: str, own_block: bool = False, receivables: bool = False, letters: bool = True):
    """The schedule's title printed `title` (its sentence naming allowances and reserves, not the
    valuation and qualifying accounts); `own_block`: its text block a concept of the filer's own;
    `receivables`: a note's table of the receivables and a sentence before the schedule's table
    (note_block); `letters`: "COL. A" ... kept in the headings (else struck, as a note prints them)."""
    def edit(doc: Doc) -> None:
        if not letters:  # (struck before `receivables` puts the receivables' table first: the schedule's letters)
            start, end, _ = _table_head(doc)
            doc.text = doc.text[:start] + LETTER.sub("", doc.text[start:end]) + doc.text[end:]
        if receivables:
            note_block(doc)
            doc.text = re.sub(r"Note 21\. Valuation and Qualifying Accounts", title, doc.text, count=1)
        else:
            doc.text = doc.text.replace(THE_TITLE, title, 1)
        doc.text = doc.text.replace(THE_SENTENCE, "the activity of the Company's allowances and reserves", 1)
        if own_block:
            doc.text = re.sub(r'name="[\w-]+:\w+TextBlock"', OWN_BLOCK, doc.text, count=1)
    return edit


EIGHTH = {"title-schedule-other": retitled("Schedule II \u2014 Allowances and Reserves", own_block=True),
          "title-schedule-alone": retitled("Schedule II", receivables=True, own_block=True),
          "title-valuation-accounts": retitled("Valuation Accounts", own_block=True),
          "title-rollforward": retitled("Schedule II\u2014Accounts Receivable Allowance Rollforward", receivables=True,
                                        own_block=True),
          "note-other-block": retitled("Note 21. Allowances and Reserves"),
          "note-other-letters": retitled("Note 21. Allowances and Reserves", own_block=True),
          "note-rollforward": retitled("Note 21. Allowances and Reserves", own_block=True, letters=False),
          "note-receivables-rollforward": retitled("Note 21. Allowances and Reserves", own_block=True,
                                                   receivables=True, letters=False)}
# A note under another title, saying nothing of the schedule: its table is not read, its facts are
# checked alone and the page says so (VX003); where its columns are lettered it is read (`note-other-letters`).
NOT_SCHEDULE = {"note-rollforward", "note-receivables-rollforward"}
EDITS.update(EIGHTH)
VARIATIONS = VARIATIONS + tuple(EIGHTH)


# Rule 12-09's letters spelled each way over a note's columns (s34-decoy4): the note is Schedule II by
# its letters (s33's decision) however they are spelled, a <br> between the word and its letter
# where the heading wraps ("Column<br>D<br>Deductions"), or each letter on a line of its own.
SPELLINGS = {"note-letters-column": "Column", "note-letters-caps": "COLUMN", "note-letters-col": "Col.",
             "note-letters-lines": "COLUMN"}
ROLE_LETTER = {"label": "A", "beginning": "B", "ending": "E", "deductions": "D", "writeoffs": "D",
               "credited_costs": "D", "credited_other": "D"}  # (every other column an addition's: "C")


def relettered(spec: dict, spelling: str) -> dict:
    """The table's headings lettered as Rule 12-09 letters them, spelled `spelling` (its own
    letters, however spelled, struck first: the same table relettered is the same)."""
    out = copy.deepcopy(spec)
    out["columns"] = [f"{spelling} {ROLE_LETTER.get(role, 'C')} {LETTER.sub('', heading).strip()}".strip()
                      for heading, role in zip(spec["columns"], spec["roles"])]
    return out


def letters_on_lines(doc: Doc) -> None:
    """The note lettered, each letter on a line of its own over its heading ("COLUMN<br>B<br>...")."""
    retitled("Note 21. Allowances and Reserves", own_block=True)(doc)
    start, end, _ = _table_head(doc)
    head = re.sub(r"COLUMN(?:\s|<br>)*([A-E])\b(?:\s|<br>)*", r"COLUMN<br>\1<br>", doc.text[start:end])
    doc.text = doc.text[:start] + head + doc.text[end:]


TENTH = {name: retitled("Note 21. Allowances and Reserves", own_block=True) for name in SPELLINGS}
TENTH["note-letters-lines"] = letters_on_lines
EDITS.update(TENTH)
VARIATIONS = VARIATIONS + tuple(TENTH)


def unread_expected(variation: str, text: str) -> bool:
    """Whether the habit's page prints no Schedule II (a note under another title, its
    columns not lettered as Rule 12-09 letters them: three letters or more, however spelled)."""
    if variation not in NOT_SCHEDULE | {"note-other-letters"} | set(SPELLINGS):
        return False
    start = text.index("<table")
    head = text[start:text.find("</tr>", text.find("Balance", start))]
    return len(set(LETTER.findall(head))) < 3


# And other filing software's layouts not yet seen (s33-ixbrlnote):
def units_span(doc: Doc) -> None:
    """The units not in the title but in a row of their own over the column headings, one cell
    merged across the figures' columns ("(In thousands)", Workiva's table units row)."""
    m = re.search(r" \(in (\w+)\)</b></p>", doc.text)
    if not m:
        return
    start, end, rows = _table_head(doc)
    head = next((r for r in rows if "Balance" in r.group(0) and SENTINEL not in r.group(0)), None)
    if head is None:
        return
    width = len(re.findall(r'<td style="width', doc.text[start:end]))
    units = (f'<tr><td colspan="3"></td><td colspan="{max(width - 3, 1)}" style="text-align:center">'
             f'<span>(In {m.group(1)})</span></td></tr>\n')
    doc.text = doc.text[:head.start()] + units + doc.text[head.start():]
    doc.text = doc.text[:m.start()] + "</b></p>" + doc.text[m.end():]


def header_contexts_only(doc: Doc) -> None:
    """The hidden ix:header holding its contexts and units alone (no ix:hidden: every dei fact
    printed on the cover page), in a display:none div before the body's first page."""
    doc.text = re.sub(r"<ix:hidden>.*?</ix:hidden>", "", doc.text, count=1, flags=re.DOTALL)


def sup_footnotes(doc: Doc) -> None:
    """Footnote markers raised by <sup> after each reserve's first label, the notes below the
    table as rows whose text opens on the same raised marker (Toppan Merrill's)."""
    seen: dict = {}

    def label(m: re.Match) -> str:
        name = m.group(2).strip()
        if not name or name == "&nbsp;" or name.startswith("Total") or len(seen) >= 2 and name not in seen:
            return m.group(0)
        seen.setdefault(name, len(seen) + 1)
        return f"{m.group(1)}{m.group(2)}<sup>({seen[name]})</sup>{m.group(3)}"
    doc.text = re.sub(r'(<td style="padding-left:10pt"[^>]*><span[^>]*>)([^<]+)(</span>)', label, doc.text)
    width = len(re.findall(r'<td style="width', doc.text))
    notes = "".join(f'<tr><td colspan="{width}"><span><sup>({n})</sup> {t}</span></td></tr>\n' for n, t in
                    ((1, "Deductions are write-offs of uncollectible accounts, net of recoveries."),
                     (2, "Includes the effect of foreign currency translation and of businesses acquired.")))
    doc.text = doc.text.replace("</table>", notes + "</table>", 1)


def with_acquisitions(spec: dict) -> dict:
    """The table with two columns after the provision, "Acquisitions" and "Foreign Currency
    Translation" (Workiva 10-Ks of multinationals): each reserve's provision gives a tenth to
    the acquisitions in every period, and takes a tenth back from a translation printed
    negative "(x)" in the first (a dash in the others); totals the sum of their parts', so the
    arithmetic holds as it did."""
    from heading_habits import _column, _parts, _printed, _tenth
    k = _column(spec, {"charged_costs"})
    if k is None or "acquisitions" in spec["roles"]:
        return spec
    spec = copy.deepcopy(spec)
    spec["columns"][k + 2:k + 2] = ["Acquisitions", "Foreign Currency Translation"]
    spec["roles"][k + 2:k + 2] = ["acquisitions", "translation"]
    for pi, period in enumerate(spec["periods"]):
        news = {}
        for row in period["rows"]:
            kind, value, decimals = parse_cell(row["cells"][k]) if row["cells"] else (None, None, 0)
            if kind == "amount" and not row.get("is_total") and _tenth(value, decimals):
                news[id(row)] = (_tenth(value, decimals), -_tenth(value, decimals) if pi == 0 else None, decimals)
        for total, parts in _parts(period["rows"]):
            got = [news[id(p)] for p in parts if id(p) in news]
            if got:
                moved = [t for _, t, _ in got if t is not None]
                news[id(total)] = (sum((a for a, _, _ in got), Decimal(0)), sum(moved, Decimal(0)) if moved else None,
                                   max(d for _, _, d in got))
        for row in period["rows"]:
            if not row["cells"]:
                continue
            if row.get("footnotes"):
                row["footnotes"][k + 1:k + 1] = ["", ""]
            if id(row) not in news:
                row["cells"][k + 1:k + 1] = ["\u2014", "\u2014"]
                continue
            acquired, translated, decimals = news[id(row)]
            _, value, _ = parse_cell(row["cells"][k])
            row["cells"][k] = _printed(value - acquired - (translated or 0), decimals)
            row["cells"][k + 1:k + 1] = [_printed(acquired, decimals),
                                         "\u2014" if translated is None else _printed(translated, decimals)]
    return spec


NINTH = {"units-span": units_span, "header-contexts-only": header_contexts_only, "sup-footnotes": sup_footnotes,
         "acquisitions-translation": lambda doc: None}  # (the spec's edit: `printed_spec`)
EDITS.update(NINTH)
VARIATIONS = VARIATIONS + tuple(NINTH)


# And ELEVENTH (s35-ixbrl35): a schedule's heading typed as its table's first row, not a paragraph
# above it (filing software's one-cell row across the table): Schedule II's own (title-in-first-row;
# -own: under the filer's own text block, no sentence naming the accounts, the row alone says it is
# Schedule II), and another schedule's heading in the first row of a table after Schedule II's in the
# same text block, its reconciliation in Schedule II's columns: Schedule III's or IV's, never read as
# Schedule II (the reach rule read only the text between the block's tables).
TITLE_PARAGRAPH = re.compile(r"<p><b>(Schedule II \u2014 [^<]*)</b></p>\n")


def title_in_first_row(own_block: bool = False):
    def edit(doc: Doc) -> None:
        m = TITLE_PARAGRAPH.search(doc.text)
        if m is None:
            return
        title = m.group(1)
        doc.text = doc.text[:m.start()] + doc.text[m.end():]
        if own_block:
            doc.text = re.sub(r'name="[\w-]+:\w+TextBlock"', OWN_BLOCK, doc.text, count=1)
            doc.text = re.sub(r"(?<=escape=\"true\">)(?:<p>[^<]*</p>\n)+", "", doc.text, count=1)
        start, end, _ = _table_head(doc)
        width = max(len(re.findall(r'<td style="width', doc.text[start:end])), 1)
        opening = doc.text.index(">", start) + 1
        row = (f'\n<tr><td colspan="{width}" style="text-align:center"><span style="font-weight:bold">{title}'
               f'</span></td></tr>')
        doc.text = doc.text[:opening] + row + doc.text[opening:]
    return edit


OTHER_SCHEDULES = {
    "III": ("Schedule III \u2014 Real Estate and Accumulated Depreciation",
            [["", "Balance at Beginning of Year", "Additions During Period", "Deductions During Period",
              "Balance at End of Year"],
             ["2024", "$48,210", "$3,115", "$1,020", "$50,305"],
             ["2023", "46,904", "2,486", "1,180", "48,210"],
             ["2022", "45,377", "2,301", "774", "46,904"]]),
    "IV": ("Schedule IV \u2014 Mortgage Loans on Real Estate",
           [["", "Balance at Beginning of Period", "Additions: New Loans", "Deductions: Collections of Principal",
             "Balance at End of Period"],
            ["2024", "$5,480", "$410", "$925", "$4,965"],
            ["2023", "5,900", "250", "670", "5,480"],
            ["2022", "6,115", "\u2014", "215", "5,900"]])}


def other_schedule_after(number: str):
    """Schedule `number`'s heading in the first row of its reconciliation's table, right after
    Schedule II's table in the same text block (no text between the tables); the reconciliation
    closes (a reader taking it for Schedule II finds nothing wrong: its cells are the tell)."""
    return table_after(*OTHER_SCHEDULES[number])


def table_after(title: str, rows: list):
    """`title` in the first row of a table of `rows` right after Schedule II's table in the same
    text block (no text between the tables)."""

    def edit(doc: Doc) -> None:
        _, end, _ = _table_head(doc)
        end += len("</table>")
        body = "".join('<tr valign="bottom">' + "".join(
            f'<td style="text-align:{"left" if k == 0 else "right"}"><span>{c}</span></td>' for k, c in enumerate(r))
            + "</tr>\n" for r in rows)
        table = (f'\n<table style="width:100%">\n<tr><td colspan="{len(rows[0])}" style="text-align:center">'
                 f'<span style="font-weight:bold">{title}</span></td></tr>\n{body}</table>')
        doc.text = doc.text[:end] + table + doc.text[end:]
    return edit


ELEVENTH = {"title-in-first-row": title_in_first_row(), "title-in-first-row-own": title_in_first_row(own_block=True),
            "schedule-iii-first-row": other_schedule_after("III"), "schedule-iv-first-row": other_schedule_after("IV")}
EDITS.update(ELEVENTH)
VARIATIONS = VARIATIONS + tuple(ELEVENTH)


# TWELFTH (s36-ixbrl36): see the module's docstring.
NOTE_AFTER = ("Note 7 \u2014 Product Warranty Reserve",
              [["", "Balance at Beginning of Year", "Accruals for Warranties Issued", "Settlements Made",
                "Balance at End of Year"],
               ["2024", "$2,625", "$1,215", "$1,030", "$2,810"],
               ["2023", "2,410", "1,180", "965", "2,625"],
               ["2022", "2,230", "1,040", "860", "2,410"]])


def title_cells(doc: Doc) -> None:
    """The title split across the two cells of a one-row layout table over the schedule's."""
    retitled(THE_TITLE, own_block=True)(doc)
    doc.text = doc.text.replace(f"<p><b>{THE_TITLE}", '<table style="width:100%"><tr><td><b>Schedule II</b></td>'
                                '<td><b>Valuation and Qualifying Accounts</b></td></tr></table>\n<p><b>', 1)


def title_nonnumeric(doc: Doc) -> None:
    """The title inside an ix:nonNumeric of its own (a filer's title concept), in the text block."""
    retitled(THE_TITLE, own_block=True)(doc)
    doc.text = doc.text.replace(f"<p><b>{THE_TITLE}", '<p><b><ix:nonNumeric name="abc:ScheduleTitle" contextRef="c0">'
                                f"{THE_TITLE}</ix:nonNumeric>", 1)


TWELFTH = {"note-first-row-after": table_after(*NOTE_AFTER),
           "title-odd-case": retitled("ScHedule II \u2014 Valuation and Qualifying Accounts", own_block=True),
           "title-tight-hyphen": retitled("Schedule II-Valuation and Qualifying Accounts", own_block=True),
           "title-period": retitled("SCHEDULE II. VALUATION AND QUALIFYING ACCOUNTS", own_block=True),
           "title-and-reserves": retitled("Valuation and Qualifying Accounts and Reserves", own_block=True),
           "title-two-cells": title_cells, "title-own-nonnumeric": title_nonnumeric}
EDITS.update(TWELFTH)
VARIATIONS = VARIATIONS + tuple(TWELFTH)


# --- THIRTEENTH (s37-agents): the schedule inside a whole 10-K, as other filing agents' software writes it ---
# The page so far held the schedule alone.  A filing agent checks the whole document: its cover page
# (dei facts, check boxes, the 12(b) table), a table of contents naming Schedule II and its page, the
# statements (a balance sheet "net of allowances of $x and $y" tagged with no member, an income statement,
# a statement of stockholders' equity: a roll-forward of balances), a note's warranty roll-forward, Item 15
# naming the schedule, the exhibit index ("10.1", "23.1": figures in form) and the signatures' dates.
COVER = """<div style="text-align:center"><p><b>UNITED STATES<br/>SECURITIES AND EXCHANGE COMMISSION</b></p>
<p>Washington, D.C. 20549</p><p><b>FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c0">10-K</ix:nonNumeric></b></p></div>
<table style="width:100%"><tr><td style="width:3%">&#9746;</td><td>ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934</td></tr>
<tr><td>&#160;</td><td>For the fiscal year ended <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c0" format="ixt:date-monthname-day-year-en">{end}</ix:nonNumeric></td></tr>
<tr><td>&#9744;</td><td>TRANSITION REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934</td></tr></table>
<p style="text-align:center">Commission File Number <ix:nonNumeric name="dei:EntityFileNumber" contextRef="c0">001-34567</ix:nonNumeric></p>
<p style="text-align:center"><b><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c0">ABC Holdings, Inc.</ix:nonNumeric></b></p>
<table style="width:100%"><tr><td style="text-align:center">Delaware</td><td style="text-align:center">36-4123456</td></tr>
<tr><td style="text-align:center">(State or other jurisdiction of incorporation)</td><td style="text-align:center">(I.R.S. Employer Identification No.)</td></tr>
<tr><td style="text-align:center">1200 Lake Street, Chicago, Illinois 60601</td><td style="text-align:center">(312) 555-0100</td></tr></table>
<p>Securities registered pursuant to Section 12(b) of the Act:</p>
<table style="width:100%"><tr><td>Title of each class</td><td>Trading Symbol(s)</td><td>Name of each exchange on which registered</td></tr>
<tr><td>Common Stock, $0.01 par value</td><td>ABC</td><td>New York Stock Exchange</td></tr></table>
<p>Indicate by check mark whether the registrant is a well-known seasoned issuer, as defined in Rule 405. Yes &#9746; No &#9744;</p>
<table style="width:100%"><tr><td>Large accelerated filer</td><td>&#9746;</td><td>Accelerated filer</td><td>&#9744;</td></tr>
<tr><td>Non-accelerated filer</td><td>&#9744;</td><td>Smaller reporting company</td><td>&#9744;</td></tr></table>
<p>The aggregate market value of the voting stock held by non-affiliates of the registrant as of June 30, {year} was
$<ix:nonFraction name="dei:EntityPublicFloat" contextRef="c0" unitRef="usd" decimals="-5" scale="6" format="ixt:num-dot-decimal">2,345.6</ix:nonFraction> million.
As of February 16, {next}, <ix:nonFraction name="dei:EntityCommonStockSharesOutstanding" contextRef="c0" unitRef="shares" decimals="INF" scale="0" format="ixt:num-dot-decimal">45,678,901</ix:nonFraction> shares of common stock were outstanding.</p>
<p style="text-align:center"><b>DOCUMENTS INCORPORATED BY REFERENCE</b></p>
<p>Portions of the Proxy Statement for the {next} Annual Meeting of Stockholders are incorporated by reference into Part III.</p>
{brk}<p style="text-align:center"><b>TABLE OF CONTENTS</b></p>
<table style="width:100%"><tr><td>&#160;</td><td>&#160;</td><td style="text-align:right">Page</td></tr>
<tr><td>Item 1.</td><td>Business</td><td style="text-align:right">3</td></tr>
<tr><td>Item 7.</td><td>Management&#8217;s Discussion and Analysis of Financial Condition and Results of Operations</td><td style="text-align:right">28</td></tr>
<tr><td>Item 8.</td><td>Financial Statements and Supplementary Data</td><td style="text-align:right">45</td></tr>
<tr><td>Item 15.</td><td>Exhibits and Financial Statement Schedules</td><td style="text-align:right">92</td></tr>
<tr><td>&#160;</td><td>Schedule II &#8212; Valuation and Qualifying Accounts</td><td style="text-align:right">F-42</td></tr>
<tr><td>Item 16.</td><td>Form 10-K Summary</td><td style="text-align:right">97</td></tr></table>
{brk}<p><b>PART I</b></p><p><b>Item 1. Business</b></p>
<p>ABC Holdings, Inc. designs and sells industrial instruments. Net sales in {year} were $1,234.5 million, up 6% from {prior}.</p>
{brk}<p><b>Item 8. Financial Statements and Supplementary Data</b></p>
<p style="text-align:center"><b>CONSOLIDATED BALANCE SHEETS</b><br/>(in millions)</p>
{balance}
<p style="text-align:center"><b>CONSOLIDATED STATEMENTS OF INCOME</b><br/>(in millions)</p>
{income}
{brk}<p style="text-align:center"><b>CONSOLIDATED STATEMENTS OF STOCKHOLDERS&#8217; EQUITY</b><br/>(in millions)</p>
{equity}
{brk}<p style="text-align:center"><b>NOTES TO CONSOLIDATED FINANCIAL STATEMENTS</b></p>
<p><b>Note 9 &#8212; Product Warranties</b></p>
<p>Changes in the Company&#8217;s product warranty liability were as follows (in millions):</p>
{warranty}
{brk}"""
EXHIBITS = """{brk}<p><b>PART IV</b></p><p><b>Item 15. Exhibits and Financial Statement Schedules</b></p>
<p>(a)(1) Financial Statements: see Item 8.</p>
<p>(a)(2) Financial Statement Schedules: Schedule II &#8212; Valuation and Qualifying Accounts is set forth on page F-42.
Other schedules are omitted because they are not applicable or the information is shown in the financial statements.</p>
{index}<p>(a)(3) Exhibits:</p>
<table style="width:100%"><tr><td><b>Exhibit Number</b></td><td><b>Description</b></td></tr>
<tr><td>3.1</td><td>Restated Certificate of Incorporation (incorporated by reference to Exhibit 3.1 to Form 8-K filed May 4, 2018)</td></tr>
<tr><td>10.1</td><td>Credit Agreement, dated as of March 15, {prior}, among the Company and the lenders party thereto</td></tr>
<tr><td>10.2*</td><td>2019 Stock Incentive Plan, as amended</td></tr>
<tr><td>21</td><td>Subsidiaries of the Registrant</td></tr>
<tr><td>23.1</td><td>Consent of Independent Registered Public Accounting Firm</td></tr>
<tr><td>31.1</td><td>Certification of the Chief Executive Officer pursuant to Rule 13a-14(a)</td></tr>
<tr><td>32.1</td><td>Certification pursuant to 18 U.S.C. Section 1350</td></tr>
<tr><td>101.INS</td><td>Inline XBRL Instance Document</td></tr>
<tr><td>104</td><td>Cover Page Interactive Data File (embedded within the Inline XBRL document)</td></tr></table>
<p>* Management contract or compensatory plan.</p>
"""
# Item 15's index of the financial statements as a table, its pages plain numbers, the schedule's row last.
INDEX = """<p style="text-align:center"><b>INDEX TO CONSOLIDATED FINANCIAL STATEMENTS AND SCHEDULE</b></p>
<table style="width:100%"><tr><td>&#160;</td><td style="text-align:right"><b>Page</b></td></tr>
<tr><td>Report of Independent Registered Public Accounting Firm</td><td style="text-align:right">47</td></tr>
<tr><td>Consolidated Balance Sheets as of December 31, {year} and {prior}</td><td style="text-align:right">49</td></tr>
<tr><td>Consolidated Statements of Income for the years ended December 31, {year}, {prior} and {before}</td><td style="text-align:right">50</td></tr>
<tr><td>Notes to Consolidated Financial Statements</td><td style="text-align:right">53</td></tr>
<tr><td>Schedule II &#8212; Valuation and Qualifying Accounts</td><td style="text-align:right">96</td></tr></table>
"""
SIGNATURES = """{brk}<p style="text-align:center"><b>SIGNATURES</b></p>
<p>Pursuant to the requirements of Section 13 or 15(d) of the Securities Exchange Act of 1934, the registrant has duly caused this
report to be signed on its behalf by the undersigned, thereunto duly authorized, on February 23, {next}.</p>
<table style="width:100%"><tr><td><b>Signature</b></td><td><b>Title</b></td><td><b>Date</b></td></tr>
<tr><td>/s/ Jane A. Doe</td><td>Chief Executive Officer and Director</td><td>February 23, {next}</td></tr>
<tr><td>/s/ Robert B. Roe</td><td>Chief Financial Officer (Principal Financial Officer)</td><td>February 23, {next}</td></tr></table>
"""
# (each figure a fact with no member: a statement's line items; the equity statement's balances at its instants)
BALANCE_ROWS = (("Cash and cash equivalents", "us-gaap:CashAndCashEquivalentsAtCarryingValue", ("312.4", "287.9")),
                ("Accounts receivable, net of allowances of ${a0} and ${a1}", "us-gaap:AccountsReceivableNetCurrent",
                 ("201.7", "188.3")),
                ("Inventories", "us-gaap:InventoryNet", ("156.0", "149.2")),
                ("Total current assets", "us-gaap:AssetsCurrent", ("670.1", "625.4")))
INCOME_ROWS = (("Net sales", "us-gaap:Revenues", ("1,234.5", "1,164.6", "1,098.7")),
               ("Cost of sales", "us-gaap:CostOfGoodsAndServicesSold", ("(741.2)", "(702.3)", "(664.0)")),
               ("Selling, general and administrative", "us-gaap:SellingGeneralAndAdministrativeExpense",
                ("(310.8)", "(295.1)", "(281.4)")),
               ("Net income", "us-gaap:NetIncomeLoss", ("182.5", "167.2", "153.3")))


def whole_10k(where: str = "f-pages", software: str = "plain"):
    """The schedule (its text block as tagged) inside a whole 10-K: after the notes on its F-page
    (`where` f-pages), after Item 15's exhibit index, or last, after the signatures."""
    def edit(doc: Doc) -> None:
        ends = doc.ends()
        year, prior = ends[0].year, ends[0].year - 1
        brk = PAGE_BREAK[software]
        extra = {}

        def context(end, start=None) -> str:
            cid = f"w-{start or 'i'}-{end}"
            period = (f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>" if start
                      else f"<xbrli:instant>{end}</xbrli:instant>")
            extra[cid] = (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">'
                          f"0000000001</xbrli:identifier></xbrli:entity><xbrli:period>{period}</xbrli:period></xbrli:context>")
            return cid

        def fact(concept: str, cid: str, printed: str) -> str:
            negative = printed.startswith("(")
            digits = printed.strip("()")
            tag = (f'<ix:nonFraction name="{concept}" contextRef="{cid}" unitRef="usd" decimals="-5" scale="6" '
                   f'format="ixt:num-dot-decimal"{NEG if negative else ""}>{digits}</ix:nonFraction>')
            return f"({tag})" if negative else tag

        def table(heads: list, rows: list) -> str:
            out = ['<table style="width:100%;border-collapse:collapse">',
                   "<tr><td>&#160;</td>" + "".join(f'<td colspan="2" style="text-align:center;border-bottom:1px solid">'
                                                  f"{h}</td>" for h in heads) + "</tr>"]
            for label, cells in rows:
                out.append(f"<tr><td>{label}</td>" + "".join(f'<td>{"$" if n == 0 else ""}</td><td style="text-align:right">'
                                                            f"{c}</td>" for n, c in enumerate(cells)) + "</tr>")
            return "\n".join(out) + "\n</table>\n"

        allowances = []
        for pi in (0, 1):
            rows = doc.spec["periods"][pi]["rows"] if pi < len(doc.spec["periods"]) else []
            ending = doc.spec["roles"][1:].index("ending")
            cell = next((r["cells"][ending] for r in rows if r["cells"] and not r.get("is_total")), "")
            kind, value, _ = parse_cell(cell) if cell else ("blank", None, 0)
            allowances.append(value if kind == "amount" and value else Decimal("4.2") + pi)
        units = SCALE.get(doc.spec.get("units", "thousands").split()[0], 0)
        shown = [f"{abs(a) * Decimal(10) ** (units - 6):.1f}" for a in allowances]
        bal_cids = [context(ends[0]), context(ends[1] if len(ends) > 1 else date(prior, 12, 31))]
        allowance_facts = [f'<ix:nonFraction name="us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent" '
                           f'contextRef="{bal_cids[n]}" unitRef="usd" decimals="-5" scale="6" '
                           f'format="ixt:num-dot-decimal">{shown[n]}</ix:nonFraction>' for n in (0, 1)]
        balance = table([f"December 31, {year}", f"December 31, {prior}"],
                        [(label.replace("${a0}", "$" + allowance_facts[0]).replace("${a1}", "$" + allowance_facts[1]),
                          [fact(c, bal_cids[n], v) for n, v in enumerate(vals)]) for label, c, vals in BALANCE_ROWS])
        years = [year, prior, prior - 1]
        dur = [context(date(y, 12, 31), date(y, 1, 1)) for y in years]
        income = table([str(y) for y in years], [(label, [fact(c, dur[n], v) for n, v in enumerate(vals)])
                                                 for label, c, vals in INCOME_ROWS])
        eq = []
        balance_at = {y: ("1,410.2", "1,531.6", "1,668.4", "1,795.9")[n] for n, y in enumerate((prior - 2, prior - 1, prior, year))}
        for n, y in enumerate(reversed(years)):
            eq.append((f"Balance at December 31, {y - 1}", [fact("us-gaap:StockholdersEquity", context(date(y - 1, 12, 31)), balance_at[y - 1])]))
            eq.append(("Net income", [fact("us-gaap:NetIncomeLoss", dur[years.index(y)], INCOME_ROWS[-1][2][years.index(y)])]))
            paid = Decimal(balance_at[y - 1].replace(",", "")) + Decimal(INCOME_ROWS[-1][2][years.index(y)].replace(",", "")) \
                - Decimal(balance_at[y].replace(",", ""))
            eq.append(("Dividends declared ($1.20 per share)", [f"({fact('us-gaap:DividendsCommonStock', dur[years.index(y)], f'{paid:,.1f}')})"]))
        eq.append((f"Balance at December 31, {year}", [fact("us-gaap:StockholdersEquity", context(date(year, 12, 31)), balance_at[year])]))
        equity = table(["Total Stockholders&#8217; Equity"], eq)
        warranty = table([str(y) for y in years[:2]],
                         [("Balance at beginning of year", ["14.2", "13.1"]), ("Accruals for warranties issued", ["6.3", "5.8"]),
                          ("Settlements made", ["(5.6)", "(4.7)"]), ("Balance at end of year", ["14.9", "14.2"])])
        words = dict(end=f"December 31, {year}", year=year, prior=prior, before=prior - 1, next=year + 1, brk=brk)
        cover = COVER.format(balance=balance, income=income, equity=equity, warranty=warranty, **words)
        index = INDEX if "index" in software else ""
        exhibits, signatures = EXHIBITS.format(index=index, **words), SIGNATURES.format(**words)
        start = doc.text.index("</ix:header></div>\n") + len("</ix:header></div>\n")
        end = doc.text.index("</body>")
        schedule = doc.text[start:end]
        if where == "f-pages":
            body = cover + schedule + exhibits + signatures
        elif where == "after-exhibits":
            body = cover + exhibits + brk + schedule + signatures
        else:
            body = cover + exhibits + signatures + brk + schedule
        doc.text = doc.text[:start] + body + doc.text[end:]
        doc.text = doc.text.replace("</ix:resources>", "".join(extra.values()) + "</ix:resources>", 1)
        if software in SOFTWARE_DOCS:
            SOFTWARE_DOCS[software](doc)
    return edit


PAGE_BREAK = {"runs": '<div style="break-before:page;page-break-before:always"></div>\n', "plain": '<hr style="page-break-after:always"/>\n',
              # GoFiler: a page's number, then a <div> breaking before the next page, its own empty paragraph
              "gofiler": ('<p style="font: 10pt Times New Roman, Times, Serif; margin: 0; text-align: center">'
                          '<!-- Field: Page; Sequence: 1 -->42<!-- Field: /Page --></p>\n'
                          '<div style="page-break-before: always; margin-top: 6pt; margin-bottom: 6pt">'
                          '<p style="margin: 0">&#160;</p></div>\n'),
              # Broadridge (PROfile): an empty <div> with break-before:page, the page's number in a div before it
              "broadridge": ('<div style="text-align:center;font-family:\'Times New Roman\';font-size:10pt">'
                             '<span style="font-family:\'Times New Roman\';font-size:10pt;">F-42</span></div>\n'
                             '<div style="break-before:page;page-break-before:always"></div>\n')}
PAGE_BREAK["gofiler-split"] = PAGE_BREAK["gofiler"]
PAGE_BREAK["index"] = PAGE_BREAK["toppan-divs"] = PAGE_BREAK["label-dollar"] = PAGE_BREAK["plain"]
PAGE_BREAK["heading-runs"] = PAGE_BREAK["runs"]
GOFILER_P = "font: 10pt Times New Roman, Times, Serif; margin-top: 0; margin-bottom: 0"


def gofiler(doc: Doc) -> None:
    """Novaworks GoFiler's markup: every cell's content in a <p style="font: 10pt ...; margin: 0">
    (text-align right for figures), &#160; in empty cells and before a figure's closing parenthesis,
    "<!-- Field: ... -->" comments."""
    def para(m: re.Match) -> str:
        if not m.group(2).strip():
            return f"{m.group(1)}<p style=\"{GOFILER_P}\">&#160;</p></td>"
        align = "right" if "ix:nonFraction" in m.group(2) or SENTINEL in m.group(2) else "left"
        return f'{m.group(1)}<p style="{GOFILER_P}; text-align: {align}">{m.group(2)}</p></td>'
    doc.text = re.sub(r"<td([^>]*)/>", r"<td\1></td>", doc.text)
    start = doc.text.index("</ix:header></div>")
    doc.text = doc.text[:start] + re.sub(r"(<td[^>]*>)(.*?)</td>", para, doc.text[start:], flags=re.S)
    doc.text = doc.text.replace("<p><b>", f'<p style="{GOFILER_P}"><b>')


BROADRIDGE_SPAN = "<span style=\"font-family:'Times New Roman';font-size:10pt;\">"


def broadridge(doc: Doc) -> None:
    """Broadridge's markup: text in a styled <span> per run of words (a label's words in two or three
    spans), a zero-width cell (width:0.1pt) first in every row, empty cells <td style="..."></td>."""
    start = doc.text.index("</ix:header></div>")

    def runs(m: re.Match) -> str:
        words = m.group(2).split(" ")
        if len(words) < 3:
            return f"{m.group(1)}{BROADRIDGE_SPAN}{m.group(2)}</span>"
        half = len(words) // 2
        return (f"{m.group(1)}{BROADRIDGE_SPAN}{' '.join(words[:half])} </span>"
                f"{BROADRIDGE_SPAN}{' '.join(words[half:])}</span>")
    body = re.sub(r"(<td[^>]*>)([A-Za-z][^<\n\x01]*?)(?=</td>)", runs, doc.text[start:])
    body = re.sub(r"<td((?:(?!style=)[^>])*)/>", r'<td\1 style="padding:0"></td>', body)
    body = re.sub(r"(<tr\b[^>]*>)", r'\1<td style="width:0.1pt"></td>', body)  # (a column of its own in every row)
    doc.text = doc.text[:start] + body


def char_runs(doc: Doc) -> None:
    """Word processors' runs as converters keep them: a cell's words cut mid-word into two <span>s
    ("Allow" + "ance for doubtful accounts", "Balance at Beg" + "inning"), no space between them."""
    start = doc.text.index("</ix:header></div>")

    def cut(m: re.Match) -> str:
        text = m.group(2)
        at = len(text) // 2 if len(text) > 3 else 0
        if not at or not text[at - 1].isalpha() or not text[at].isalpha():
            return m.group(0)
        return f"{m.group(1)}{text[:at]}</span>{BROADRIDGE_SPAN}{text[at:]}"
    doc.text = doc.text[:start] + re.sub(r"(<span[^>]*>)([^<\x01]+)(?=</span>)", cut, doc.text[start:])


def heading_runs(doc: Doc) -> None:
    """The column headings' words cut mid-word into <span>s as well, at each line's middle
    ("Begin" + "ning of Period"), and the run boundaries beside each <br>."""
    char_runs(doc)
    start = doc.text.index("</ix:header></div>")

    def cut(m: re.Match) -> str:
        text = m.group(1)
        at = len(text) // 2
        if len(text) < 6 or not text[at - 1].isalpha() or not text[at].isalpha():
            return m.group(0)
        return f"{text[:at]}</span>{BROADRIDGE_SPAN}{text[at:]}<"
    doc.text = doc.text[:start] + re.sub(r"(?<=<br>)([^<\x01]+)<", cut, doc.text[start:])


def toppan_divs(doc: Doc) -> None:
    """Newer Toppan Merrill output: each cell's content in a <div> (text-align for figures),
    empty cells a 1pt <span>&#160;</span>, the row's vertical alignment on every cell."""
    start = doc.text.index("</ix:header></div>")

    def div(m: re.Match) -> str:
        inner = m.group(2)
        if not inner.strip() or inner.strip() in ("&nbsp;", "&#160;"):
            return f'{m.group(1)}<span style="font-size:1pt">&#160;</span></td>'
        align = "right" if "ix:nonFraction" in inner or SENTINEL in inner else "left"
        return f'{m.group(1)}<div style="text-align:{align}">{inner}</div></td>'
    body = re.sub(r"<td([^>]*)/>", r"<td\1></td>", doc.text[start:])
    body = re.sub(r"(<td[^>]*>)(.*?)</td>", div, body, flags=re.S)
    body = re.sub(r"<td(?![^>]*vertical-align)", '<td style="vertical-align:bottom"', body)
    doc.text = doc.text[:start] + re.sub(r'style="vertical-align:bottom"([^>]*?) style="', r'\1 style="vertical-align:bottom;', body)


def label_dollar(doc: Doc) -> None:
    """A row's first dollar sign typed at the end of its label's cell, not in a cell of its own
    ("Allowance for doubtful accounts $" | "1,047"; an unlabelled total's "$" alone in the label's
    column), as converters of a tabbed document write it."""
    start = doc.text.index("ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock")
    doc.text = doc.text[:start] + re.sub(
        r'(<td style="padding-left:10pt"[^>]*>(?:<span[^>]*>)?[^<]*)(</span>)?</td>(<td/>)?<td>\$</td>',
        r"\1 $\2</td>\3<td></td>", doc.text[start:])


def gofiler_split(doc: Doc) -> None:
    """GoFiler's page break inside the schedule: the table closed, the page's number and the break
    (PAGE_BREAK's) inside the text block, not excluded, the next page's table under the headings again."""
    gofiler(doc)
    block = doc.text.index("ScheduleOfValuationAndQualifyingAccountsDisclosureTextBlock")
    schedule = SimpleNamespace(text=doc.text[block:], printed=doc.printed)  # (its first table the schedule's)
    data, head = _heading_rows(schedule)
    if len(data) < 2:
        return
    opening = re.search(r"<table[^>]*>", schedule.text).group(0)
    cut = block + data[len(data) // 2].start()
    doc.text = doc.text[:cut] + "</table>\n" + PAGE_BREAK["gofiler"] + opening + "\n" + "\n".join(head) + "\n" + doc.text[cut:]


SOFTWARE_DOCS = {"gofiler": gofiler, "broadridge": broadridge, "runs": lambda doc: (broadridge(doc), char_runs(doc)),
                 "gofiler-split": gofiler_split, "heading-runs": lambda doc: (broadridge(doc), heading_runs(doc)),
                 "toppan-divs": toppan_divs, "label-dollar": label_dollar}
# (bounded: the placements with one markup each, every markup on its F-page)
THIRTEENTH = {f"whole-10k-f-pages-{software}": whole_10k("f-pages", software)
              for software in ("plain", "gofiler", "broadridge", "runs", "heading-runs", "gofiler-split", "toppan-divs",
                                 "label-dollar")}
THIRTEENTH.update({"whole-10k-after-exhibits-index": whole_10k("after-exhibits", "index"),
                   "whole-10k-last-gofiler": whole_10k("last", "gofiler")})
EDITS.update(THIRTEENTH)
VARIATIONS = VARIATIONS + tuple(THIRTEENTH)
