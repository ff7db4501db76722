"""Periods typed double-spaced apart: two blank lines or more between one period's
rows and the next period's, as typists of untagged 1990s exhibits spaced them, with
the period named in each way text layouts print it (its caption on a line of its
own, or in the first cell of its first row or of its group's caption: "2010
Deducted from asset accounts:").  Test support, not part of the tool: each habit is
(layout name in test_real_tables.LAYOUTS, the Layout's changes).
"""

from __future__ import annotations

GAPS: dict[str, tuple[str, dict]] = {
    "untagged-caption-2": ("span-untagged", {"block_gap": 2}),
    "untagged-first-cell-2": ("span-untagged", {"block_gap": 2, "period_style": "first_cell"}),
    "bare-first-cell-2": ("untagged-bare", {"block_gap": 2, "period_style": "first_cell"}),
    "bare-first-cell-3": ("untagged-bare", {"block_gap": 3, "period_style": "first_cell"}),
    "typed-first-cell-2": ("typed-second-line", {"block_gap": 2, "period_style": "first_cell"}),
    "typed-caption-2": ("typed-second-line", {"block_gap": 2}),
    "by-account-2": ("by-account", {"block_gap": 2, "table_tags": False}),
}
