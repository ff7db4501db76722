"""Headings as real filings print them, mapped to roles by the bundled rules.

The headings below are each printed in some public filing (several in
../shared/real-tables); a heading the default rules misread is a table the
tool cannot check, so every one is pinned here."""

import pytest

import auditor
from auditor import reading

HEADINGS = [
    ("Balance at Beginning of Period", "beginning"),
    ("BALANCE AT BEGINNING OF PERIOD", "beginning"),
    ("COL. B Balance at Beginning Of Year", "beginning"),
    ("Balance as of Beginning of Period", "beginning"),
    ("CHARGED (RECOVERED) TO COSTS AND EXPENSES", "charged_costs"),
    ("Additions Charged to Costs and Expenses", "charged_costs"),
    ("Charged to Net Sales, Costs and Expenses (1)", "charged_costs"),
    ("Additions (reductions) charged (credited) to expense", "charged_costs"),
    ("Additions Provisions for Losses on Accounts Receivable", "charged_costs"),
    ("Additions", "charged_costs"),
    ("Charged to Other Accounts - Describe", "charged_other"),
    ("Additions (deductions) charged to other accounts", "charged_other"),
    ("Additions Transferred from Other Accounts (1)", "charged_other"),
    ("Deductions", "deductions"),
    ("COLUMN D Deductions - Describe", "deductions"),
    ("Less Deductions", "deductions"),
    ("Deductions from Allowances", "deductions"),
    ("Accounts Written off", "writeoffs"),
    ("Subtractions Written off Net of Recoveries", "writeoffs"),
    ("Charges Utilized (Write-offs)", "writeoffs"),
    ("Reduction to Allowance for Write off", "writeoffs"),
    ("Loans Charged Off", "writeoffs"),
    ("Charge- offs", "writeoffs"),  # "Charge-" / "offs" on two heading lines
    ("Net charge-offs", "writeoffs"),
    ("Recoveries of loans charged off", "recoveries"),
    ("Recoveries", "recoveries"),
    ("Additions Recoveries", "recoveries"),
    ("Credited to Costs and Expenses", "credited_costs"),
    ("Column D Deductions Credited to costs and expenses", "credited_costs"),
    ("Additions Relating to Acquisition", "acquisitions"),
    ("Changes due to acquisitions or dispositions", "acquisitions"),
    ("Additions (Subtractions) from Foreign Exchange", "translation"),
    ("Currency Translation Adjustments", "translation"),
    ("Other", "other"),
    ("Balance at End of Period", "ending"),
    ("BALANCE END OF PERIOD", "ending"),
    ("Balance At End Of Year", "ending"),
]


@pytest.mark.parametrize("heading,role", HEADINGS)
def test_default_rules_read_real_headings(heading, role):
    ruleset = auditor.load_rules()
    text = reading.normalized(heading)
    first = next((spec.role for spec in ruleset.roles if any(p.search(text) for p in spec.patterns)), None)
    assert first == role
