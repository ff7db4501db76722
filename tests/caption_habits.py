"""Group captions naming no account, as real Schedule II tables print them over
their reserves' rows, as edits of a table.

Test support, not part of the tool.  label_habits' "group-caption" and
"sub-captions" print "Reserves deducted from assets to which they apply:" and
"Deducted from accounts receivable:" / "Included in other liabilities:"; these
are the other wordings real schedules print over a group of reserves, naming
the place in the balance sheet, not an account (labels.GROUP_CAPTION):

- included-current: "Included in current liabilities:" over the second and later reserves;
- not-deducted: "Reserves not deducted from assets:" over the second and later reserves;
- classified-current: "Classified as current liabilities" (no colon) over the second and later;
- shown-liabilities: "Shown as liabilities:" over the second and later reserves;
- allowances-in-balance-sheet: "Allowances deducted in the balance sheet from the assets to
  which they apply:" over every period's first reserve;
- included-other: "Reserves included in other liabilities" (no colon) over the second and later;
- two-groups: "Deducted from assets:" over the first reserve, "Shown as liabilities:" over the rest.

(A table of one reserve a period gets the first caption only, where the habit gives one.)
"""

from __future__ import annotations

from label_habits import Habit, _captioned


def _over_later(caption: str):
    return Habit(spec=_captioned(lambda k: caption if k == 1 else None))


def _over_first(caption: str):
    return Habit(spec=_captioned(lambda k: caption if k == 0 else None))


HABITS: dict[str, Habit] = {
    "included-current": _over_later("Included in current liabilities:"),
    "not-deducted": _over_later("Reserves not deducted from assets:"),
    "classified-current": _over_later("Classified as current liabilities"),
    "shown-liabilities": _over_later("Shown as liabilities:"),
    "allowances-in-balance-sheet": _over_first(
        "Allowances deducted in the balance sheet from the assets to which they apply:"),
    "included-other": _over_later("Reserves included in other liabilities"),
    "two-groups": Habit(spec=_captioned(
        lambda k: "Deducted from assets:" if k == 0 else "Shown as liabilities:" if k == 1 else None)),
}
