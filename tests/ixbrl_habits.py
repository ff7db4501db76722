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
  (converters from page-layout software write it so).
"""

from __future__ import annotations

import calendar
import copy
import re
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

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
# A figure's tag: just before its sentinel, or just after it and a "(" printed outside the tag.
TAG = re.compile("(<ix:nonFraction [^>]*>)?" + SENTINEL + r"(\(?)(<ix:nonFraction [^>]*>)?")


class Doc:
    """A tagged render being edited: its text (with sentinels) and what tagged it."""

    def __init__(self, spec: dict, habits: frozenset = frozenset(), tag_spec: dict = None):
        self.spec, self.habits = spec, habits
        style = IXBRL_2023
        if "fiscal-fy" in habits:
            style = replace(style, period="fiscal")
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
            out.append(date(y, m, d))
        return out

    def start(self, pi: int) -> date:
        end = self.ends()[pi]
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
        if kind == "opening":
            instant = start if "weeks-52-53" in self.habits and ri % 2 else start - timedelta(days=1)
            period, key = f"<xbrli:instant>{instant}</xbrli:instant>", f"i{instant}"
        elif kind == "closing":
            period, key = f"<xbrli:instant>{end}</xbrli:instant>", f"i{end}"
        else:
            period, key = f"<xbrli:startDate>{start}</xbrli:startDate><xbrli:endDate>{end}</xbrli:endDate>", f"d{start}_{end}"
        cid = f"c-{key}-{member.split(':')[-1] or 'total'}"
        if cid not in self.contexts:
            axis = "abc:AllowanceAndReserveTypeAxis" if "extension-axis" in self.habits else AXIS
            if "member-whitespace" in self.habits:
                segment = (f'<xbrli:segment>\n      <xbrldi:explicitMember dimension="{axis}">\n        {member}\n'
                           f'      </xbrldi:explicitMember>\n    </xbrli:segment>')
            else:
                segment = f'<xbrli:segment><xbrldi:explicitMember dimension="{axis}">{member}</xbrldi:explicitMember></xbrli:segment>'
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
            if concept and kind == "move" and any(concepts.get(r) == concept for r in roles[:k]):
                concept = "abc:" + concept.split(":")[1] + str(k)  # (a second column of one concept: the filer's own)
            if concept is None or not (m.group(1) or m.group(3)):
                return m.group(0)  # (a column no concept names: left as rendered, no fact of the family)
            # The tag's value: the figure of `tag_spec` (a planted tag differs from the print there).
            kind_, tagged_value, _ = parse_cell(self.tag_spec["periods"][pi]["rows"][ri]["cells"][k])
            amount = contra * tagged_value if kind_ == "amount" else Decimal(0)
            if kind == "move" and role in SUBTRACTING:
                amount = -sign * amount
                if "sign-deductions" in self.habits and value is not None and value < 0:
                    if amount > 0:  # (a deduction taken, tagged negative as printed: the tag contradicts its concept)
                        self.misigned.append((pi, ri, k))
                    amount = -abs(amount)
            n[0] += 1
            fid = f"f-{n[0]}"
            cid = self.context(kind, pi, ri)
            self.facts.append(dict(id=fid, concept=concept, context=cid, amount=amount, nil=kind_ != "amount"))
            before, after = (SENTINEL, "") if m.group(1) else (SENTINEL + m.group(2), "")

            def put(start_tag: str) -> str:
                return start_tag + before if m.group(1) else before + start_tag

            attrs = f'name="{concept}" contextRef="{cid}" unitRef="usd" id="{fid}" decimals="{-scale}" scale="{scale}"'
            if kind_ != "amount":
                if "nil-facts" in self.habits:
                    return put(f'<ix:nonFraction {attrs} xsi:nil="true">')
                fmt = "ixt-sec:numwordsen" if "numwords" in self.habits else "ixt:fixed-zero"
                return put(f'<ix:nonFraction {attrs} format="{fmt}">')
            sign_attr = NEG if amount < 0 else ""
            return put(f'<ix:nonFraction {attrs} format="ixt:num-dot-decimal"{sign_attr}>')

        self.text = TAG.sub(one, self.text)
        if "nil-facts" in self.habits:
            # (an xsi:nil fact's content is empty: the dash printed after it)
            self.text = re.sub(r'(xsi:nil="true">)' + SENTINEL + r'([^<]*)</ix:nonFraction>',
                               "\\1</ix:nonFraction>" + SENTINEL + "\\2", self.text)
        if "numwords" in self.habits:
            self.text = re.sub(r'(format="ixt-sec:numwordsen">' + SENTINEL + r')[^<]*<', r"\1None<", self.text)
            self.rendered.figures = [(pi, ri, k, "None" if v is None else raw, v)
                                     for pi, ri, k, raw, v in self.rendered.figures]
        self.text = self.text.replace("</ix:resources>", "".join(self.contexts.values()) + "</ix:resources>", 1)


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


EDITS = {"hidden-duplicates": hidden_duplicates, "sec-hidden": sec_hidden, "continuation": continuation,
         "div-cells": div_cells}
VARIATIONS = ("base", "extension-movements", "extension-axis", "millions", "sign-deductions", "nil-facts", "numwords",
              "hidden-duplicates", "sec-hidden", "continuation", "member-whitespace", "fiscal-fy", "weeks-52-53",
              "div-cells")


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


def tagged(spec: dict, variation: str = "base", tag_spec: dict = None) -> Rendered:
    """The table tagged, with the habit applied; its figures placed."""
    if variation == "millions":
        spec, tag_spec = in_millions(spec), in_millions(tag_spec) if tag_spec else None
    doc = Doc(spec, frozenset({variation}), tag_spec)
    doc.tag()
    if variation in EDITS:
        EDITS[variation](doc)
    doc.rendered.text = doc.text
    placed = place_sentinels(doc.rendered)
    placed.misigned = doc.misigned
    return placed
