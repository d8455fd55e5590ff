#!/bin/sh
# test_xlsx.sh POOLSIM — the Excel workbook (--xlsx) and the CSV files end to end:
# the workbook read back with openpyxl (python3-openpyxl, installed by `make
# deps-test`) against the JSON of the same run (same seed and paths): sizing
# answers, budget means, a band value, party figures, the PV cost, the audit
# block; sheet names and units in the headers, in English and Chinese; which
# commands take --xlsx; the workbook joins the run's report set (no temporary
# file left, nothing written when the set fails); and CSV cells a spreadsheet
# would read as formulas (a hostile scenario name and ids) come out protected.
# Prints "test_xlsx: N passed, M failed" and exits 1 when anything failed.

suite=test_xlsx PSIM_TIMEOUT=120
. tests/cli/lib.sh
PY=/usr/bin/python3
SMALL=tests/scenarios/small.lua

if ! $PY -c 'import openpyxl' 2>/dev/null; then
  cmd="$PY -c 'import openpyxl'"
  fail "python3-openpyxl is missing: make deps-test installs it"
  echo "test_xlsx: $passed passed, $failed failed"
  exit 1
fi

# checks.py WORKBOOK JSON LANG [SUMMARY] — every assertion prints "ok ..." or "FAIL ..."
cat >"$tmp/checks.py" <<'EOF'
import json, re, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2]))
lang = sys.argv[3]
names = {"en": ["Answer", "Sizing", "Budget", "Parties", "Balance bands", "Assumptions and audit"],
         "zh": ["结论", "规模测算", "财政预算", "各参与方", "余额区间", "假设与审计"]}[lang]
units = {"元": 1.0, "万元": 1e4, "亿元": 1e8}
unit_re = re.compile(r"[ (（](元|万元|亿元)[)）]$")
def say(ok, what):
    print(("ok " if ok else "FAIL ") + what)
def near(cell, want, what):
    say(abs(cell - want) <= 0.011 + 1e-9 * abs(want), "%s: %r vs %r" % (what, cell, want))
def unit_of(header):
    m = unit_re.search(header or "")
    return units[m.group(1)] if m else None

say(wb.sheetnames == names, "sheet names %s" % wb.sheetnames)
ans, siz, bud, par, bands, aud = (wb[n] for n in names)

# the answer: one sentence per pool, naming it
rows = list(ans.iter_rows(min_row=2, values_only=True))
pools = list(doc["pools"])
say([r[0] for r in rows if r[0]] == pools and all(p in r[1] for p, r in zip(pools, rows)), "one sentence per pool")
if len(sys.argv) > 4:  # the terminal summary of the same run: its answer leads the cell
    lines = [l for l in open(sys.argv[4], encoding="utf-8").read().split("\n") if l]
    say(any(rows[0][1].startswith(l + " ") for l in lines), "the answer cell starts with the report's sentence")

# sizing: every row against the JSON's sizing, in the header's unit; money formats
head = [c.value for c in siz[1]]
u = [unit_of(h) for h in head]
say(u[1] is None and u[2] and u[2] == u[3] == u[4], "sizing headers carry one unit: %s" % head)
n = 0
for r in siz.iter_rows(min_row=2):
    if r[0].value is None:
        break
    pool, alpha = r[0].value, r[1].value
    want = [s for s in doc["sizing"][pool] if abs(s["alpha"] - alpha) < 1e-12][0]
    near(r[2].value * u[2], want["initial"], "sizing %s alpha %g" % (pool, alpha))
    near(r[3].value * u[3], want["ci"][0], "sizing CI low")
    near(r[4].value * u[4], want["ci"][1], "sizing CI high")
    say("%" in r[1].number_format and "#,##0.00" in r[2].number_format, "formats %s, %s" % (r[1].number_format, r[2].number_format))
    n += 1
say(n == len(doc["sizing"][pools[0]]) * len(pools), "a sizing row per pool and target")
# P(depletion) at the --at balance
at = [r for r in siz.iter_rows(values_only=True) if r[0] in pools and isinstance(r[1], float) and r[2] is not None and r[1] > 1]
if at:
    got = at[0]
    want = doc["pools"][got[0]]["depletion_at"][0]
    say(abs(got[2] - want["value"]) < 1e-12 and abs(got[3] - want["ci"][0]) < 1e-12, "P(depletion) at %s" % got[1])

# budget: every government's total outlay by year, and its PV cost
head = [c.value for c in bud[1]]
ub = unit_of(head[3])
say(ub is not None and unit_of(head[4]) == ub, "budget headers carry their unit: %s" % head)
govs = [p for p, v in doc["parties"].items() if v["kind"] == "government"]
total = {"en": "All kinds", "zh": "合计"}[lang]
seen = 0
for r in bud.iter_rows(min_row=2, values_only=True):
    if r[0] is None:
        break
    if r[2] == total:
        y = doc["parties"][r[0]]["outlay_by_year"][r[1] - 1]
        near(r[3] * ub, y["mean"], "budget %s year %d mean" % (r[0], r[1]))
        near(r[4] * ub, y["p95"], "budget %s year %d p95" % (r[0], r[1]))
        seen += 1
say(seen == sum(len(doc["parties"][g]["outlay_by_year"]) for g in govs), "a total row per government and year")
title = [i for i, r in enumerate(bud.iter_rows(values_only=True)) if r[1] is not None and isinstance(r[1], str) and unit_of(r[1]) and r[0] in (
    "Government", "政府") and r[4] in ("Subsidy rate", "补贴率")]
say(len(title) == 1, "the PV cost table")
if title:
    hr = list(bud.iter_rows(values_only=True))[title[0]]
    row = list(bud.iter_rows(values_only=True))[title[0] + 1]
    cost = doc["parties"][row[0]]["cost"]
    near(row[1] * unit_of(hr[1]), cost["pv"]["mean"], "PV cost of %s" % row[0])
    say(abs(row[4] - cost["subsidy_rate"]["mean"]) < 1e-12, "subsidy rate of %s" % row[0])

# parties: losses and net result in their columns' units, the ratio
head = [c.value for c in par[1]]
for r in par.iter_rows(min_row=2, values_only=True):
    p = doc["parties"][r[0]]
    near(r[3] * unit_of(head[3]), p["losses"]["mean"], "losses of %s" % r[0])
    near(r[4] * unit_of(head[4]), p["losses"]["p99"], "losses p99 of %s" % r[0])
    near(r[5] * unit_of(head[5]), p["net_result"]["mean"], "net result of %s" % r[0])
    if "npl_ratio_max" in p:
        say(abs(r[8] - p["npl_ratio_max"]["mean"]) < 1e-12, "NPL ratio of %s" % r[0])

# a band value: the first pool's p50 in period 3
head = [c.value for c in bands[1]]
say(bands.cell(row=4, column=1).value == 3, "bands: period 3 on row 4")
near(bands.cell(row=4, column=3).value * unit_of(head[2]), doc["pools"][pools[0]]["balance_bands"]["p50"][2], "band p50, period 3")

# the audit block
audit = {r[0]: r[1] for r in aud.iter_rows(min_row=2, values_only=True)}
vals = set(str(v) for v in audit.values())
say(doc["scenario"]["sha256"] in vals and str(doc["run"]["seed"]) in vals and doc["scenario"]["file"] in vals,
    "audit: file, sha256, seed")
say(any(str(v).startswith("poolsim ") for v in vals) and any(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$", str(v)) for v in vals),
    "audit: version and run date")
say(doc["run"]["paths"] in audit.values() and doc["run"]["threads"] in audit.values(), "audit: paths and threads")
EOF

# py WORKBOOK JSON LANG — run the checks, count them
py() {
  cmd="openpyxl checks of $1 ($3)"
  if ! $PY "$tmp/checks.py" "$@" >"$tmp/py" 2>"$tmp/err"; then fail "the checks crashed"; return; fi
  n=$(grep -c '^ok ' "$tmp/py")
  bad=$(grep -c '^FAIL ' "$tmp/py")
  passed=$((passed + n))
  if [ "$bad" -gt 0 ]; then
    failed=$((failed + bad))
    echo "FAIL: $cmd"
    grep '^FAIL ' "$tmp/py" | sed 's/^/      /'
  fi
}

# ---- run: the workbook against the JSON of the same run, in English
psim run "$SMALL" --paths 2000 --seed 5 --threads 2 --at 5e6 --json "$tmp/en.json" --xlsx "$tmp/en.xlsx" --csv "$tmp/csv"
expect_rc 0
check "--xlsx writes the workbook" test -s "$tmp/en.xlsx"
check "no temporary file left" no_leftovers "$tmp"
cp "$tmp/out" "$tmp/en.txt"
py "$tmp/en.xlsx" "$tmp/en.json" en "$tmp/en.txt"

# ---- Chinese labels (the flagship: 亿元 amounts, several governments' kinds of outlay)
psim run scenarios/mianyang_2022.lua --paths 1000 --seed 3 --lang zh --json "$tmp/zh.json" --xlsx "$tmp/zh.xlsx"
expect_rc 0
cp "$tmp/out" "$tmp/zh.txt"
py "$tmp/zh.xlsx" "$tmp/zh.json" zh "$tmp/zh.txt"

# ---- a scheme without a pool: the answer points to the budget, whose figures are the JSON's
psim run scenarios/chongqing_shoutaitao_2017.lua --paths 500 --seed 2 --quiet --lang en --json "$tmp/np.json" --xlsx "$tmp/np.xlsx"
expect_rc 0
cmd="openpyxl: $tmp/np.xlsx"
if $PY - "$tmp/np.xlsx" "$tmp/np.json" >"$tmp/py" 2>"$tmp/err" <<'EOF'
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
doc = json.load(open(sys.argv[2]))
assert "sheet Budget" in wb["Answer"]["B2"].value, wb["Answer"]["B2"].value
b = wb["Budget"]
assert b["C2"].value == "All kinds" and b["D1"].value.endswith("(万元)"), (b["C2"].value, b["D1"].value)
gov = b["A2"].value
assert abs(b["D2"].value * 1e4 - doc["parties"][gov]["outlay_by_year"][0]["mean"]) < 0.011
EOF
then pass; else fail "no pool: $(tail -1 "$tmp/err")"; fi

# ---- size writes it too; the commands and modes that do not are refused with exit 2
psim size "$SMALL" --paths 500 --quiet --xlsx "$tmp/size.xlsx"
expect_rc 0
check "size --xlsx writes the workbook" test -s "$tmp/size.xlsx"
psim compare "$SMALL" "$SMALL" --paths 100 --xlsx "$tmp/no.xlsx"
expect_rc 2
expect_err "compare does not write --xlsx"
psim size "$SMALL" --volume --paths 100 --xlsx "$tmp/no.xlsx"
expect_rc 2
psim sweep "$SMALL" --vary pools.fund.initial=4e6,5e6 --paths 100 --xlsx "$tmp/no.xlsx"
expect_rc 2
psim run "$SMALL" --paths 100 --xlsx -
expect_rc 2
expect_err "--xlsx needs a file name"
check "a refused --xlsx writes nothing" test ! -e "$tmp/no.xlsx"

# ---- the workbook joins the report set: a folder that does not exist fails the set, the JSON included
psim run "$SMALL" --paths 100 --quiet --json "$tmp/set.json" --xlsx "$tmp/missing/w.xlsx"
expect_rc 1
expect_err "$tmp/missing/w.xlsx: cannot write"
check "a failed set writes no JSON" test ! -e "$tmp/set.json"

# ---- CSV: cells a spreadsheet would read as formulas come out protected
sed -e "s/name = \"small test scheme\"/name = \"=cmd|' \\/C calc'!A0\"/" \
    -e 's/"bank_a"/"+bank"/g; s/bank_a = 0.6/["+bank"] = 0.6/; s/"fund"/"@fund"/; s/fund = 0.4/["@fund"] = 0.4/' \
    -e 's/fund = 0.5/["@fund"] = 0.5/; s/"prog_b"/"-prog"/' "$SMALL" >"$tmp/hostile.lua"
psim run "$tmp/hostile.lua" --paths 200 --quiet --csv "$tmp/hcsv" --set "parties.city.name=@SUM(A1)" \
  --set "segments.b_term.lgd=0.5" --xlsx "$tmp/h.xlsx"
expect_rc 0
check "the scenario name is protected" grep -q -F "scenario,name,scenario,'=cmd|' /C calc'!A0," "$tmp/hcsv/summary.csv"
check "an id starting with + is protected" grep -q "^'+bank,losses," "$tmp/hcsv/summary.csv"
check "an id starting with - is protected" grep -q "^'-prog,originated," "$tmp/hcsv/summary.csv"
check "an id starting with @ is protected (sizing.csv)" grep -q "^'@fund,0.1," "$tmp/hcsv/sizing.csv"
check "header cells are protected" grep -q "'@fund.p05 closing balance" "$tmp/hcsv/bands.csv"
check "an override's value is protected" grep -q -F "override,parties.city.name,overrides (--set),'@SUM(A1)," "$tmp/hcsv/summary.csv"
check "an override that is a number stays one" grep -q -F "override,segments.b_term.lgd,overrides (--set),0.5," "$tmp/hcsv/summary.csv"
# no cell of any file starts with = + - @ unless it is a number
cmd="every cell of $tmp/hcsv/*.csv"
if awk -F, 'FNR > 1 { sub(/\r$/, ""); for (i = 1; i <= NF; i++) if ($i ~ /^[=+@-]/ && $i !~ /^-?[0-9.]+(e[-+]?[0-9]+)?$/) { print FILENAME ": " $i; bad = 1 } } END { exit bad }' "$tmp/hcsv/"*.csv >"$tmp/bad"; then pass
else fail "unprotected cells: $(head -3 "$tmp/bad")"; fi

summary
