"""Benchmarks: medians over repeated runs, on inputs that grow.

    .venv/bin/python benchmarks/bench.py            # all cases
    .venv/bin/python benchmarks/bench.py --quick    # fewer repeats

Not a test: timings go in the README and the issue notes, never in asserts.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "lantronix-2003.txt"
sys.path.insert(0, str(ROOT))

import auditor  # noqa: E402
from auditor import source

CASES = {}


def case(name):
    def register(fn):
        CASES[name] = fn
        return fn

    return register


def median_ms(fn, repeats: int) -> float:
    fn()  # warm: the parser is built once per process, as in the CLI
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def synthetic(periods: int, reserves: int) -> str:
    """An exhibit in the seed's layout with more periods and rows; it closes."""
    head = SEED.read_text().split("Year ended June 30, 2001:")[0]
    out = [head]
    ending = [100 + 37 * r for r in range(reserves)]
    for p in range(periods):
        out.append(f"Year ended June 30, {1950 + p}:\n")
        sums = [0] * 5
        for r in range(reserves):
            begin = ending[r]
            charged, other, deduct = 50 + (p * 7 + r * 3) % 400, (p + r) % 9, 30 + (p * 5 + r) % 300
            end = begin + charged + other - deduct
            ending[r] = end
            figs = [begin, charged, other, deduct, end]
            sums = [a + b for a, b in zip(sums, figs)]
            out.append(_row(f"Reserve number {r + 1}", figs))
        out.append(" " * 43 + "----------  --------------  ---------  -----------  -------\n")
        out.append(_row("Total", sums))
        out.append(" " * 43 + "==========  ==============  =========  ===========  =======\n\n")
    out.append("</TABLE>\n")
    return "".join(out)


def _row(label: str, figs) -> str:
    widths = (10, 14, 9, 11, 7)
    cells = "  ".join(f"{f:,}".rjust(w) for f, w in zip(figs, widths))
    return f"{label:<43}{cells}\n"


def _in_process(text: str):
    src = source.from_text(text, "bench.txt")
    ruleset = auditor.load_rules()

    def run():
        result = auditor.check_source(src, ruleset)
        assert result.error is None, result.error

    return run


@case("seed, in process (parse + check)")
def seed_in_process(repeats):
    return median_ms(_in_process(SEED.read_text()), repeats)


@case("10x seed (30 periods x 3 reserves), in process")
def ten_x(repeats):
    return median_ms(_in_process(synthetic(30, 3)), repeats)


@case("100x seed (100 periods x 9 reserves), in process")
def hundred_x(repeats):
    return median_ms(_in_process(synthetic(100, 9)), max(3, repeats // 5))


def _process(cmd):
    _compiled()

    def run():
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    return run


def _compiled():
    """Byte-compile the package first, as installing a wheel does: with
    PYTHONDONTWRITEBYTECODE set (as on some machines) an editable install
    would otherwise compile every module from source on every run."""
    import compileall

    compileall.compile_dir(str(ROOT / "auditor"), quiet=1)


# (--no-cache: each run checks the file; a cached result would time the cache)
CLI = [str(Path(sys.executable).parent / "auditor"), "check", str(SEED), "--no-cache"]
IMPORT_LARK = [sys.executable, "-c", "import lark"]


@case("CLI: auditor check seed (process start to exit)")
def cli_seed(repeats):
    return median_ms(_process(CLI), repeats)


@case("reference: python3 -c 'import lark'")
def import_lark(repeats):
    return median_ms(_process(IMPORT_LARK), repeats)


@case("CLI on the seed / import lark (runs interleaved; a ratio, not ms)")
def cli_ratio(repeats):
    # Interleaved, so that a machine slowing down or speeding up during the
    # run moves both medians alike.
    cli, lark = _process(CLI), _process(IMPORT_LARK)
    cli(), lark()
    times = {cli: [], lark: []}
    for _ in range(repeats):
        for run in (cli, lark):
            start = time.perf_counter()
            run()
            times[run].append(time.perf_counter() - start)
    return statistics.median(times[cli]) / statistics.median(times[lark])


@case("full submission (10 MB, one schedule inside): locate + check")
def full_submission(repeats):
    filler = "".join(
        f"<TABLE>\n{'Revenue line item':<40}{i:>12,}{i * 3:>14,}\n</TABLE>\nNarrative text of the annual report, page {i}.\n"
        for i in range(40000)
    )
    text = (
        "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n" + filler[: 5_000_000] + "</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\n" + SEED.read_text() + "</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n" + filler[: 5_000_000] + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write(text)
    ruleset = auditor.load_rules()

    def run():
        result = auditor.check_file(handle.name, ruleset)
        assert result.error is None and len(result.findings) == 2, (result.error, result.findings)

    try:
        return median_ms(run, max(3, repeats // 5))
    finally:
        Path(handle.name).unlink()


@case("full submission (10 MB, 'schedule' on every line): locate only, no parsing")
def full_submission_locate(repeats):
    from auditor.frontends.text import locate

    body = "".join(f"Narrative text of the annual report, page {i}, with Balance and Schedule words.\n" for i in range(130_000))
    text = "<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n" + body + "</TEXT>\n</DOCUMENT>\n" + SEED.read_text()
    src = source.from_text(text, "big.txt")

    def run():
        assert len(locate.regions(src)) == 1

    return median_ms(run, max(3, repeats // 5))


# --- HTML (issue 6) ------------------------------------------------------------

HTML_EXHIBIT = ROOT / "tests" / "fixtures" / "html" / "cobalt-systems-2019-ixbrl-clean.htm"


def html_10k(size: int = 5_000_000) -> str:
    """An inline XBRL 10-K of `size` characters: hundreds of financial tables
    (some with "Balance at beginning of year" rows) and the schedule near the end."""
    exhibit = HTML_EXHIBIT.read_text()
    body = exhibit[exhibit.index("<body>") + 6 : exhibit.index("</body>")]
    page = (
        '<p style="font-size:10pt">Narrative text of the annual report, note {i}: revenue recognition, leases.</p>\n'
        '<table cellspacing="0" width="100%"><tr><td></td><td colspan="3" align="center">2019</td>'
        '<td colspan="3" align="center">2018</td></tr>\n'
        + "".join(
            f'<tr><td>{label}</td><td>$</td><td align="right"><ix:nonFraction name="us-gaap:X" contextRef="c{{i}}" '
            f'unitRef="usd" decimals="-3" scale="3">{n},{{i:03d}}</ix:nonFraction></td><td></td>'
            f'<td>$</td><td align="right">{n + 1},{{i:03d}}</td><td></td></tr>\n'
            for n, label in enumerate(["Balance at beginning of year", "Provision", "Write-offs", "Balance at end of year"], 1)
        )
        + "</table>\n"
    )
    parts, total, i = ["<html><body>\n"], 0, 0
    while total < size - len(body) - 100:
        parts.append(page.format(i=i % 1000))
        total += len(parts[-1])
        i += 1
    return "".join(parts) + body + "</body></html>\n"


@case("HTML: one inline XBRL exhibit, in process (locate + read + check)")
def html_exhibit(repeats):
    src = source.read(str(HTML_EXHIBIT))
    ruleset = auditor.load_rules()

    def run():
        result = auditor.check_source(src, ruleset)
        assert result.error is None and result.schedules, result.error

    return median_ms(run, repeats)


def _html_10k_source():
    return source.from_text(html_10k(), "10k.htm")


@case("HTML: 5 MB inline XBRL 10-K, locate only (regex scan + candidate grids)")
def html_10k_locate(repeats):
    from auditor.frontends.html import front as html_front, locate as html_locate

    src = _html_10k_source()

    def run():
        assert len(html_front.regions(html_locate.Document(src))) == 1

    return median_ms(run, max(3, repeats // 5))


@case("HTML: 5 MB inline XBRL 10-K, locate + check")
def html_10k_check(repeats):
    src = _html_10k_source()
    ruleset = auditor.load_rules()

    def run():
        result = auditor.check_source(src, ruleset)
        assert result.error is None and len(result.schedules) == 1, result.error

    return median_ms(run, max(3, repeats // 5))


# --- inline XBRL facts (issue 15) ---------------------------------------------------

XBRL_EXHIBIT = ROOT / "tests" / "fixtures" / "xbrl" / "willow-labs-2023-ixbrl.htm"


def _xbrl_10k_source():
    """The 5 MB 10-K above, its schedule a tagged one (contexts in ix:header):
    the checks with and without reading the facts differ only by that."""
    exhibit = XBRL_EXHIBIT.read_text()
    body = exhibit[exhibit.index("<body>") + 6 : exhibit.index("</body>")]
    text = html_10k()
    cut = text.index('<p align="center"><b>SCHEDULE II')
    return source.from_text(text[:cut] + body + "</body></html>\n", "10k.htm")


def _xbrl_check(sources):
    def measure(repeats):
        src = _xbrl_10k_source()
        ruleset = auditor.load_rules()

        def run():
            result = auditor.check_source(src, ruleset, sources=sources)
            assert result.error is None and result.schedules, result.error

        return median_ms(run, max(3, repeats // 5))

    return measure


case("inline XBRL: 5 MB tagged 10-K, check --source table")(_xbrl_check("table"))
case("inline XBRL: 5 MB tagged 10-K, check --source both (table + facts)")(_xbrl_check("both"))


@case("inline XBRL: 5 MB tagged 10-K, both / table (runs interleaved; a ratio, not ms)")
def xbrl_ratio(repeats):
    src = _xbrl_10k_source()
    ruleset = auditor.load_rules()
    ratios = []
    for _ in range(max(3, repeats // 3)):
        times = {}
        for sources in ("table", "both"):
            start = time.perf_counter()
            auditor.check_source(src, ruleset, sources=sources)
            times[sources] = time.perf_counter() - start
        ratios.append(times["both"] / times["table"])
    return statistics.median(ratios)


@case("CLI: auditor check one HTML exhibit (process start to exit)")
def cli_html(repeats):
    return median_ms(_process([CLI[0], "check", str(HTML_EXHIBIT), "--no-cache"]), repeats)


def _corpus_document(flagged: int, clean: int) -> dict:
    """A corpus result: `flagged` copies of the seed's file (its findings and
    its table as filed), `clean` files with one schedule and no finding."""
    import copy

    from auditor import diagnose
    from auditor.output import document

    ruleset = auditor.load_rules()
    result = auditor.check_file(str(SEED), ruleset)
    result.diagnosis = diagnose.result(result, ruleset, None)
    seed = document.document([result])["files"][0]
    quiet = document.document([auditor.FileResult("clean.txt", schedules=result.schedules)])["files"][0]
    files = [dict(copy.deepcopy(seed), path=f"corpus/{k:05}-flagged.txt") for k in range(flagged)]
    files += [dict(quiet, path=f"corpus/{k:05}-clean.txt") for k in range(clean)]
    return {"version": 1, "files": files, "summary": document.counts(files)}


@case("HTML report: the seed, from its JSON document")
def html_report_seed(repeats):
    from auditor.output import html as html_report

    doc = _corpus_document(1, 0)
    return median_ms(lambda: html_report.render(doc), repeats)


@case("HTML report: 10,000 files (100 with the seed's findings), from the JSON document")
def html_report_corpus(repeats):
    from auditor.output import html as html_report

    doc = _corpus_document(100, 9_900)
    size = len(html_report.render(doc).encode())
    print(f"{'':10} {'':2}  (the page: {size / 1e6:.2f} MB; 100 files with findings alone: "
          f"{len(html_report.render(_corpus_document(100, 0)).encode()) / 1e6:.2f} MB)", flush=True)
    return median_ms(lambda: html_report.render(doc), max(3, repeats // 5))


WIDE = 5_000  # grid columns (issue 16: 27 s before reading became linear in them)


def _wide_table(shape: str):
    def measure(repeats):
        sys.path.insert(0, str(ROOT / "tests"))
        from wide_tables import SHAPES

        src = source.from_text(SHAPES[shape](WIDE), "wide.htm")
        ms = median_ms(lambda: auditor.check_source(src), max(3, repeats // 5))
        print(f"{'':10} {'':2}  ({shape}: {ms * 1000 / WIDE:.0f} us per column)", flush=True)
        return ms

    return measure


for _shape in ("repeated", "movements", "spanned", "padded", "stacked", "across"):
    case(f"HTML: a table of 5,000 columns, {_shape} (check, in process)")(_wide_table(_shape))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--only", help="run only cases whose name contains this text")
    args = parser.parse_args(argv)
    repeats = 5 if args.quick else 21
    for name, fn in CASES.items():
        if args.only and args.only not in name:
            continue
        value = fn(repeats)
        print(f"{value:10.2f} {'x ' if 'ratio' in name else 'ms'}  {name}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
