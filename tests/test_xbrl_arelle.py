"""The facts reader against Arelle, the reference XBRL processor: fact for fact.

Arelle (`arelle-release`, in the test extras; never a dependency of auditor)
loads each real inline XBRL 10-K of ../shared/filings offline and gives every
fact with its value after sign, scale and format, its context's period and its
dimension members.  For the Schedule II family, auditor's one-scan reader must
agree with it on every fact.

Loading Arelle and one 2.5 MB 10-K takes 10 to 20 s on the shared 2-core test
machine (about 1.5 s for a load on a quiet one), so this test runs on demand:
`AUDITOR_ARELLE=1 .venv/bin/pytest tests/test_xbrl_arelle.py`.
"""

from __future__ import annotations

import os
from datetime import timedelta
from decimal import Decimal

import pytest

from auditor.ruleset import rules
from auditor import source
from auditor.frontends.xbrl import facts as xbrl_facts
from conftest import SHARED

pytestmark = pytest.mark.skipif(not os.environ.get("AUDITOR_ARELLE"),
                                reason="slow (Arelle loads a 10-K in 10-20 s here): set AUDITOR_ARELLE=1 to run")

FAMILY = "ValuationAllowancesAndReserves"


def _real():
    if not (SHARED / "filings").is_dir():
        return []
    return sorted(p for p in (SHARED / "filings").glob("*/*.htm*") if "ix:nonFraction" in p.read_text("utf-8", "replace"))


@pytest.fixture(scope="module")
def arelle():
    cntlr_module = pytest.importorskip("arelle.Cntlr", reason="arelle-release is not installed (pip install -e '.[test]')")
    cntlr = cntlr_module.Cntlr(logFileName="logToBuffer")
    cntlr.webCache.workOffline = True
    yield cntlr
    cntlr.close()


def _arelle_facts(cntlr, path) -> dict:
    model = cntlr.modelManager.load(str(path))
    try:
        found = {}
        for fact in model.facts:
            if not fact.qname.localName.startswith(FAMILY):
                continue
            ctx = fact.context
            start = None if ctx.isInstantPeriod else ctx.startDatetime.date()
            end = (ctx.endDatetime - timedelta(days=1)).date()  # Arelle's ends are exclusive
            members = tuple(sorted((str(d), str(v.memberQname)) for d, v in ctx.qnameDims.items()))
            # Offline the taxonomy is absent, so Arelle leaves xValue unset; `value` is the
            # fact's value after the inline XBRL transformation, scale and sign.
            value = None if fact.isNil else Decimal(fact.value)
            found[fact.id] = (str(fact.qname), value, start, end, members)
        return found
    finally:
        cntlr.modelManager.close()


@pytest.mark.parametrize("path", _real() or [None], ids=[p.parent.name for p in _real()] or ["absent"])
def test_facts_agree_with_arelle(arelle, path):
    if path is None:
        pytest.skip("../shared/filings is not beside this checkout")
    theirs = _arelle_facts(arelle, path)
    src = source.read(str(path))
    ours = {f.id: (f.concept, f.value, f.context.start, f.context.end, f.context.members)
            for f in xbrl_facts.read(src, rules.load().xbrl.family).facts}
    assert theirs, "Arelle found no fact of the family"
    assert ours == theirs
