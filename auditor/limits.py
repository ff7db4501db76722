"""The bounds that keep any input, however hostile, to bounded time and memory.

One place for them, so SECURITY.md can name each and a test can reach it.
Each is far beyond what a real filing or rules file needs; past it the input
is refused in one line (exit 2), never read halfway.
"""

# Bytes read from one input (`--max-bytes` overrides): the largest EDGAR
# submissions with exhibits are a few hundred megabytes.
MAX_BYTES = 512 * 1024 * 1024

# Digits in one printed figure.  Real Schedule II figures have at most 13
# (a trillion, in units); a sum of thousands of 24-digit figures still fits
# the 28 digits `decimal` computes exactly, so every check stays exact.
MAX_FIGURE_DIGITS = 24

# Nesting of a rule's formula (operators applied to operators): a real rule
# nests a handful deep; past this a formula is refused when the rules load.
MAX_FORMULA_DEPTH = 100

# YAML nodes a rules file may expand to, aliases counted each time they are
# used: the bundled rules are about 300; a "billion laughs" file is refused
# after this many, in milliseconds.
MAX_YAML_NODES = 100_000

# Bytes of a rules file (and of each file it extends).
MAX_RULES_BYTES = 4 * 1024 * 1024

# Engine work the diagnosis may spend on one schedule: trial corrections
# times the schedule's cells.  A three-period schedule of a dozen rows gets
# every trial it asks for; a schedule of thousands of periods gets fewer,
# so diagnosis time grows with the size of the schedule, not its square.
MAX_DIAGNOSIS_WORK = 300 * 2_000

# Grid columns of an HTML table read as a candidate schedule (after colspans):
# real Schedule II tables are under 60 wide.  Reading is linear in the columns
# (5,000 columns in seconds), but a colspan makes 200 grid columns of a dozen
# bytes, and the reading indexes each grid column: a table wider than this is
# refused as it is laid out, before anything is built per column.
MAX_GRID_COLUMNS = 10_000
