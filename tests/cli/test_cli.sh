#!/bin/sh
# test_cli.sh POOLSIM — end-to-end tests of the poolsim command line: exit
# codes, usage errors, scenario errors (FILE:LINE: and the field named), the
# Lua sandbox, --set, JSON output and `check`. Run from the repo root:
#   sh tests/cli/test_cli.sh ./poolsim
# Prints one line "test_cli: N passed, M failed" at the end (failures are
# explained above it) and exits 1 when anything failed.
#
# Each scenario in tests/scenarios/bad/ has one mistake; the line where it is
# written carries the comment `-- <-- error` (the no_return and plain_table
# files have none: there is no line to blame). Every poolsim call goes through
# `timeout 60`, so a hang is a failure, not a stuck test run. Only POSIX sh,
# grep, sed and awk are used (no jq or python on a fresh machine).

suite=test_cli
. tests/cli/lib.sh
BAD=tests/scenarios/bad
SMALL=tests/scenarios/small.lua

# ---- helpers (and tests/cli/lib.sh) ---------------------------------------

# expect_err_start PREFIX — the first line of stderr starts with PREFIX
expect_err_start() {
  first=$(sed -n 1p "$tmp/err")
  case "$first" in
    "$1"*) pass ;;
    *) fail "stderr does not start with: $1" ;;
  esac
}

# expect_out TEXT — stdout contains TEXT (a fixed string)
expect_out() {
  if grep -q -F -e "$1" "$tmp/out"; then pass; else fail "stdout does not contain: $1"; fi
}

expect_out_empty() {
  if [ -s "$tmp/out" ]; then fail "stdout is not empty: $(head -c 80 "$tmp/out")"; else pass; fi
}

# json_valid FILE — a strict JSON syntax check in awk: one value, balanced
# objects and arrays, string keys, colons and commas where JSON puts them
json_valid() {
  awk '
    { s = s $0 "\n" }
    function after_value() { if (depth == 0) done = 1; else expect = "comma_or_end" }
    function read_string(   ch) {
      i++
      while (i <= n) {
        ch = substr(s, i, 1)
        if (ch == "\\") { i += 2; continue }
        if (ch == "\"") { i++; return 1 }
        if (ch == "\n") return 0
        i++
      }
      return 0
    }
    END {
      n = length(s); i = 1; ok = 1; done = 0; depth = 0; expect = "value"
      while (i <= n && ok) {
        c = substr(s, i, 1)
        if (c == " " || c == "\t" || c == "\n" || c == "\r") { i++; continue }
        if (done) { ok = 0; break }
        if (expect == "colon") {
          if (c == ":") { expect = "value"; i++ } else ok = 0
          continue
        }
        if (expect == "comma_or_end") {
          if (c == ",") { expect = stack[depth] == "{" ? "key" : "value"; i++ }
          else if ((c == "}" && stack[depth] == "{") || (c == "]" && stack[depth] == "[")) { depth--; i++; after_value() }
          else ok = 0
          continue
        }
        if (expect == "key" || expect == "key_or_end") {
          if (c == "}" && expect == "key_or_end") { depth--; i++; after_value() }
          else if (c == "\"" && read_string()) expect = "colon"
          else ok = 0
          continue
        }
        if (c == "]" && expect == "value_or_end") { depth--; i++; after_value(); continue }
        if (c == "{") { stack[++depth] = "{"; expect = "key_or_end"; i++; continue }
        if (c == "[") { stack[++depth] = "["; expect = "value_or_end"; i++; continue }
        if (c == "\"") { if (read_string()) after_value(); else ok = 0; continue }
        rest = substr(s, i, 40)
        if (match(rest, /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/) || match(rest, /^(true|false|null)/)) {
          i += RLENGTH; after_value(); continue
        }
        ok = 0
      }
      exit (ok && done) ? 0 : 1
    }' "$1"
}

# json_top FILE KEY — FILE has KEY at the top level (cJSON: one tab of indent)
json_top() { grep -q "^$TAB\"$2\":" "$1"; }

# json_pool_initial FILE POOL — the "initial" of pools.POOL
json_pool_initial() {
  awk -v pool="$2" -v t="$TAB" '
    $0 ~ "^" t "\"[a-z_]+\":" { inpools = ($0 ~ "^" t "\"pools\":"); inpool = 0 }
    inpools && $0 ~ "^" t t "\"" { inpool = (index($0, t t "\"" pool "\":") == 1) }
    inpools && inpool && $0 ~ "^" t t t "\"initial\":" { v = $0; sub(/.*:[ \t]*/, "", v); sub(/,$/, "", v); print v; exit }
  ' "$1"
}

# json_pool_depletion FILE POOL — P(depletion) of pools.POOL
json_pool_depletion() {
  awk -v pool="$2" -v t="$TAB" '
    $0 ~ "^" t "\"[a-z_]+\":" { inpools = ($0 ~ "^" t "\"pools\":"); inpool = 0 }
    inpools && $0 ~ "^" t t "\"" { inpool = (index($0, t t "\"" pool "\":") == 1) }
    inpools && inpool && $0 ~ "^" t t t "\"depletion\":" { indep = 1; next }
    indep && $0 ~ "\"value\":" { v = $0; sub(/.*:[ \t]*/, "", v); sub(/,$/, "", v); print v; exit }
  ' "$1"
}

# json_run_field FILE FIELD — a number of the "run" object
json_run_field() {
  awk -v f="$2" -v t="$TAB" '
    $0 ~ "^" t "\"[a-z_0-9]+\":" { inrun = ($0 ~ "^" t "\"run\":") }
    inrun && $0 ~ "^" t t "\"" f "\":" { v = $0; sub(/.*:[ \t]*/, "", v); sub(/,$/, "", v); print v; exit }
  ' "$1"
}

# no_leftovers DIR — no *.tmp* file left in DIR

# error_line FILE — the line marked `-- <-- error`
error_line() { grep -n -e '-- <-- error' "$1" | sed -n '1s/:.*//p'; }

# bad NAME TEXT... — tests/scenarios/bad/NAME.lua fails with exit 2, its
# first stderr line starts with FILE:LINE: (LINE marked in the file) and
# contains each TEXT; `run` fails the same way
bad() {
  name=$1; shift
  f=$BAD/$name.lua
  if [ ! -f "$f" ]; then
    cmd="(setup)"; fail "missing test scenario $f"; return
  fi
  line=$(error_line "$f")
  psim check "$f"
  expect_rc 2
  expect_err_start "$f:${line:+$line:} "
  for text in "$@"; do expect_err "$text"; done
  expect_out_empty
  psim run "$f" --paths 50 --quiet
  expect_rc 2
}

# ---- 1. exit codes and usage errors --------------------------------------

psim run "$SMALL" --paths 200 --quiet
expect_rc 0
psim check "$SMALL"
expect_rc 0
psim size "$SMALL" --paths 200 --quiet
expect_rc 0
psim size "$SMALL" --paths 200 --pool fund --alpha 0.1,0.05 --at 5e6 --quiet
expect_rc 0
# a summary that cannot be written (a full disk) is a failure, not an empty success
if [ -w /dev/full ]; then
  timeout 60 "$bin" run "$SMALL" --paths 200 >/dev/full 2>"$tmp/err"; rc=$?; cmd="poolsim run >/dev/full"
  expect_rc 1
  expect_err_start "poolsim: cannot write to standard output: "
  timeout 60 "$bin" check "$SMALL" >/dev/full 2>"$tmp/err"; rc=$?; cmd="poolsim check >/dev/full"
  expect_rc 1
fi

psim
expect_rc 2
expect_err "--help'"
expect_err "no command"

psim frobnicate "$SMALL"
expect_rc 2
expect_err "--help'"
expect_err "unknown command 'frobnicate'"

psim run "$SMALL" --bogus 1
expect_rc 2
expect_err "--help'"
expect_err "unknown option '--bogus'"

# an unknown option last on the line is still an unknown option, not one
# that "needs a value"
psim run "$SMALL" --bogus
expect_rc 2
expect_err "unknown option '--bogus'"

psim run "$SMALL" --paths 0
expect_rc 2
expect_err "--help'"
expect_err "--paths"

psim run "$SMALL" --paths abc
expect_rc 2
expect_err "--paths"
expect_err "'abc'"

psim run "$SMALL" --paths
expect_rc 2
expect_err "--paths needs a value"

# paths within the limit but more than memory holds: refused before allocating (the figure is
# ps_outcomes_bytes: only the arrays this scenario can make non-zero)
# (the exact message names this machine's memory, so it is not in tests/catalogue)
sed 's/periods = 24/periods = 10000/' "$SMALL" >"$tmp/long.lua"
psim run "$tmp/long.lua" --paths 100000000 --quiet
expect_rc 2
expect_err_start "poolsim: 100000000 paths of this scenario need 4378.0 GiB for their results, more than this machine's "
expect_err "of memory: use fewer paths"
# a study holds two runs at once (the base and a variant): paths one run's results fit in but two
# do not (two thirds of memory each, from the bytes a path above and this machine's memory) are refused
per_path=$(awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "GiB") { print $i * 1073741824 / 100000000; exit } }' "$tmp/err")
mem=$(awk '/^MemTotal:/ { print $2 * 1024 }' /proc/meminfo)
study_paths=$(awk -v m="$mem" -v b="$per_path" 'BEGIN { printf "%d", m / (1.5 * b) }')
psim sweep "$tmp/long.lua" --vary pools.fund.initial=5e6,6e6 --paths "$study_paths" --quiet
expect_rc 2
expect_err "for the results of the 2 runs a study holds at once, more than this machine's"

psim run "$SMALL" --threads 0
expect_rc 2
expect_err "--threads"

psim run "$SMALL" --seed -1
expect_rc 2
expect_err "--seed"
expect_err "'-1'"

psim run
expect_rc 2
expect_err "--help'"
expect_err "no scenario file"

psim run "$SMALL" tests/scenarios/cli_valid.lua
expect_rc 2
expect_err "unexpected argument 'tests/scenarios/cli_valid.lua'"

psim run "$SMALL" --set paths
expect_rc 2
expect_err "--set needs KEY=VALUE"
expect_err "'paths'"

psim size "$SMALL" --alpha 1.5
expect_rc 2
expect_err "--alpha"
expect_err "'1.5'"

psim size "$SMALL" --paths 100 --pool unknown
expect_rc 2
expect_err "--pool unknown"
expect_out_empty

psim run "$tmp/no_such_scenario.lua"
expect_rc 2
expect_err_start "$tmp/no_such_scenario.lua:"
expect_err "cannot open"

psim check "$tmp/no_such_scenario.lua"
expect_rc 2
expect_err "$tmp/no_such_scenario.lua"

# ---- 2. scenario errors: FILE:LINE: and the field ------------------------

bad syntax "near 'pd'"
bad call_nil "'wann'"
bad typo_periods "field 'peroids'" "did you mean 'periods'?"
bad segment_unknown_field "segment 'a_small'" "field 'pdd'" "did you mean 'pd'?"
bad share_sum "programme 'prog_a'" "field 'share'" "0.9"
bad share_key "programme 'prog_b'" "field 'share'" "'bank_z'"
bad pd_range "segment 'b_term'" "field 'pd'" "1.5"
bad negative_initial "pool 'fund'" "field 'initial'" "negative"
bad rho_one "segment 'a_small'" "field 'rho'"
bad missing_tenor "segment 'b_term'" "field 'tenor'" "missing"
bad periods_string "field 'periods'" "must be a number, got string"
bad bank_is_government "programme 'prog_b'" "field 'bank'" "'city'"
bad owner_is_bank "pool 'fund'" "field 'owner'" "'bank_a'"
bad empty_owner "pool 'fund'" "field 'owner'" "must not be empty"
bad segment_two_programmes "programme 'prog_b'" "field 'segments'" "'a_small'" "'prog_a'"
bad segment_no_programme "segment 'b_term'" "not covered by any programme"
bad duplicate_party "party 'bank_a'" "field 'id'" "'bank_a'"
bad duplicate_segment "segment 'a_small'" "field 'id'" "'a_small'"
bad duplicate_programme "programme 'prog_a'" "field 'id'" "'prog_a'"
bad pool_id_is_party "pool 'city'" "field 'id'" "'city'"
bad recovery_before_claim "programme 'prog_b'" "field 'recovery_lag'" "claim_lag"
bad originate_outside "segment 'a_small'" "field 'originate'"
bad topups_key "pool 'fund'" "field 'topups'" "1..24"
bad beta_sd "poolsim.beta" "sd"
bad lognormal_sd "poolsim.lognormal" "sd"
bad programme_id_is_segment_id "programme 'a_small'" "field 'share'" "0.9"
bad commented_out_field "segment 'b_term'" "field 'pd'" "1.5"
bad infinite_loop "instruction budget"
# pattern matching runs in C where the count hook never fires: its worst case
# is paid from the budget before it starts, one call or many
bad pattern_bomb "instruction budget exceeded (the pattern could backtrack over this string for too long)"
bad pattern_loop "instruction budget exceeded (the pattern could backtrack over this string for too long)"
# the same in a hook: the run stops with exit 2 at the hook's line
for name in hook_infinite_loop hook_pattern_bomb; do
  f=$BAD/$name.lua
  psim run "$f" --paths 100 --quiet
  expect_rc 2
  expect_err_start "poolsim: $f:$(error_line "$f"): instruction budget exceeded ("
  expect_err "(in on_period, period "
done
bad randomseed "math.randomseed"
bad memory "memory"  # an allocation failure has no line to blame, but the file must be named

# a file that does not return a scenario: no line to blame, but the file and
# what it must end with
for name in no_return plain_table; do
  psim check "$BAD/$name.lua"
  expect_rc 2
  expect_err_start "$BAD/$name.lua: "
  expect_err "return poolsim.scenario{"
done

# the sandbox: each escape fails with exit 2 at its line and says why
bad sandbox_os_execute "global 'os'"
check "os.execute must not have run" sh -c '! grep -q sandbox-escaped "$1" "$2"' sh "$tmp/out" "$tmp/err"
bad sandbox_io_open "global 'io'"
bad sandbox_io_popen "global 'io'"
bad sandbox_require "global 'require'"
bad sandbox_dofile "global 'dofile'"
bad sandbox_loadfile "global 'loadfile'"
bad sandbox_load_binary "binary chunk"
bad sandbox_gc "setmetatable: __gc (finalizers) is not allowed"

# ---- 3. --set --------------------------------------------------------------

psim run "$SMALL" --paths 200 --quiet --json "$tmp/base.json"
expect_rc 0
psim run "$SMALL" --paths 200 --quiet --json "$tmp/set.json" --set pools.fund.initial=2.5e8
expect_rc 0
base_initial=$(json_pool_initial "$tmp/base.json" fund)
set_initial=$(json_pool_initial "$tmp/set.json" fund)
check "pools.fund.initial is 5000000 without --set, got '$base_initial'" test "$base_initial" = 5000000
check "--set pools.fund.initial=2.5e8 gives initial 250000000, got '$set_initial'" test "$set_initial" = 250000000
base_dep=$(json_pool_depletion "$tmp/base.json" fund)
set_dep=$(json_pool_depletion "$tmp/set.json" fund)
check "the 500万 fund runs dry in some paths, P(depletion) = '$base_dep'" awk -v p="$base_dep" 'BEGIN { exit !(p + 0 > 0) }'
check "a 2.5亿 fund never runs dry, P(depletion) = '$set_dep'" test "$set_dep" = 0
check "the JSON records the override" grep -q "\"key\":$TAB\"pools.fund.initial\"" "$tmp/set.json"

psim run "$SMALL" --paths 200 --set segments.a_small.pd=1.5
expect_rc 2
expect_err_start "--set segments.a_small.pd=1.5:"
expect_err "field 'pd'"
expect_out_empty

psim check "$SMALL" --set pools.nope.initial=1
expect_rc 2
expect_err_start "--set pools.nope.initial=1:"
expect_err "'pools' has no item with the id 'nope'"

psim check "$SMALL" --set pools.fund.intial=1
expect_rc 2
expect_err_start "--set pools.fund.intial=1:"
expect_err "did you mean 'initial'?"

psim check "$SMALL" --set periods=abc
expect_rc 2
expect_err_start "--set periods=abc:"
expect_err "field 'periods'"

psim run "$SMALL" --quiet --set paths=100 --json "$tmp/paths.json"
expect_rc 0
got=$(json_run_field "$tmp/paths.json" paths)
check "--set paths=100 runs 100 paths, got '$got'" test "$got" = 100

psim check "$SMALL" --set pools.fund.initial=2.5e8 --set segments.b_term.pd=0.03
expect_rc 0
expect_out ": ok"

# ---- 4. outputs ------------------------------------------------------------

mkdir "$tmp/j"
psim run "$SMALL" --paths 200 --json "$tmp/j/r.json"
expect_rc 0
check "--json FILE writes the file" test -s "$tmp/j/r.json"
check "--json FILE writes valid JSON" json_valid "$tmp/j/r.json"
check "JSON has \"schema\": 1" grep -q "^$TAB\"schema\":${TAB}1,\$" "$tmp/j/r.json"
for key in poolsim scenario run parties pools programmes sizing; do
  check "JSON has the top-level key '$key'" json_top "$tmp/j/r.json" "$key"
done
check "JSON names the pool 'fund'" grep -q "^$TAB$TAB\"fund\":" "$tmp/j/r.json"
check "JSON records the scenario's sha256" grep -q "\"sha256\":$TAB\"[0-9a-f]\{64\}\"" "$tmp/j/r.json"
check "--json FILE still prints the summary" test -s "$tmp/out"
check "no temporary file left after writing JSON" no_leftovers "$tmp/j"
if command -v jq >/dev/null 2>&1; then
  check "jq parses the JSON" jq -e '.schema == 1' "$tmp/j/r.json" >/dev/null
fi

psim run "$SMALL" --paths 200 --json -
expect_rc 0
check "--json - prints only JSON on stdout" json_valid "$tmp/out"
check "--json - prints no summary" sh -c '! grep -q "Sizing of pool" "$1"' sh "$tmp/out"

# print() in a scenario goes to stderr: stdout stays JSON
psim run tests/scenarios/cli_print.lua --paths 100 --json -
expect_rc 0
check "--json - stays pure JSON when the scenario prints" json_valid "$tmp/out"
expect_err "building the revenue-band segments"

psim run "$SMALL" --paths 200 --quiet
expect_rc 0
expect_out_empty
psim size "$SMALL" --paths 200 --quiet
expect_rc 0
expect_out_empty
psim check "$SMALL" --quiet
expect_rc 0
expect_out_empty

# a failing run leaves no report and no temporary file behind
mkdir "$tmp/fail"
psim run "$BAD/share_sum.lua" --paths 100 --json "$tmp/fail/r.json"
expect_rc 2
check "a scenario error writes no JSON" test ! -e "$tmp/fail/r.json"
check "a scenario error leaves no temporary file" no_leftovers "$tmp/fail"
psim run "$SMALL" --paths 100 --json "$tmp/fail/r.json" --set segments.a_small.pd=1.5
expect_rc 2
check "a --set error writes no JSON" test ! -e "$tmp/fail/r.json"
check "a --set error leaves no temporary file" no_leftovers "$tmp/fail"
# ... and does not clobber an earlier report
echo '{"old": true}' >"$tmp/fail/old.json"
psim run "$BAD/share_sum.lua" --paths 100 --json "$tmp/fail/old.json"
expect_rc 2
check "a failing run leaves an existing report untouched" grep -q '"old"' "$tmp/fail/old.json"

psim run "$SMALL" --paths 100 --quiet --json "$tmp/no/such/dir/r.json"
expect_rc 1
expect_err "$tmp/no/such/dir/r.json"
check "no directory is created for an unwritable report" test ! -e "$tmp/no"

# the terminal summary: English by default (even for a Chinese name), Chinese with --lang zh
psim run "$SMALL" --paths 200 --at 1e7
expect_rc 0
expect_out "Pool 'fund', initial balance"
expect_out "Sizing of pool 'fund' over 24 months (200 paths):"
psim run scenarios/mianyang_2022.lua --paths 200
expect_rc 0
expect_out "Sizing of pool 'fund' over 72 months (200 paths):"
psim run "$SMALL" --paths 200 --at 1e7 --lang zh
expect_rc 0
expect_out "资金池 'fund'，初始规模 500.0万（金额单位：万元或亿元，每列统一；均值 ± 标准误）"
expect_out "业务项目（贷款笔数；均值 ± 标准误）"
expect_out "资金池 'fund' 的规模测算（24 个月，200 条路径）："
expect_out "初始规模 1000.0万 时耗尽概率 = "
check "run --lang zh: no English labels" sh -c '! grep -q -e "Sizing of pool" -e "initial balance" -e "Programmes" -e "Parties:" -e "depleted by" "$1"' sh "$tmp/out"
psim size "$SMALL" --paths 200 --lang zh
expect_rc 0
expect_out "  目标                   所需初始规模     95% 置信区间"

# --csv DIR: the front end makes the directory and writes the five files
psim run "$SMALL" --paths 200 --quiet --csv "$tmp/csv"
expect_rc 0
for f in bands budget paths summary sizing; do
  check "--csv writes $f.csv" test -s "$tmp/csv/$f.csv"
done
check "no temporary file left after writing CSV" no_leftovers "$tmp/csv"
psim run "$SMALL" --paths 200 --quiet --csv "$tmp/csv"
expect_rc 0
psim run "$SMALL" --paths 100 --quiet --csv "$tmp/nocsv/deep"
expect_rc 1
expect_err "poolsim: $tmp/nocsv/deep: cannot create directory: "
check "--csv into a missing parent creates nothing" test ! -e "$tmp/nocsv"
echo x >"$tmp/plain"
psim run "$SMALL" --paths 100 --quiet --csv "$tmp/plain"
expect_rc 1
expect_err "poolsim: $tmp/plain: cannot create directory: a file of that name exists"

# a report set is written whole or not at all: with files limited to 100-200 KiB
# (ulimit -f 200: blocks of 512 bytes in dash, 1024 in bash; SIGXFSZ ignored, so
# a write past it fails with EFBIG as on a full disk), a run whose paths.csv
# (about 240 KiB) would not fit leaves the previous set as it was, the JSON and
# the other CSVs included, and no temporary file
mkdir -p "$tmp/set"
psim run "$SMALL" --paths 2000 --seed 1 --quiet --json "$tmp/set/r.json" --csv "$tmp/set/csv"
expect_rc 0
cksum "$tmp/set/r.json" "$tmp/set/csv/"*.csv | awk '{ print $1, $2 }' >"$tmp/set.before"
cmd="poolsim run $SMALL --paths 2000 --seed 2 --json r.json --csv csv (files limited by ulimit -f)"
(trap '' XFSZ; ulimit -f 200; exec timeout 60 "$bin" run "$SMALL" --paths 2000 --seed 2 --quiet \
  --json "$tmp/set/r.json" --csv "$tmp/set/csv") >"$tmp/out" 2>"$tmp/err"
rc=$?
expect_rc 1
expect_err "poolsim: $tmp/set/csv/paths.csv: cannot write: "
cksum "$tmp/set/r.json" "$tmp/set/csv/"*.csv | awk '{ print $1, $2 }' >"$tmp/set.after"
check "a failed report set leaves the previous one whole" cmp -s "$tmp/set.before" "$tmp/set.after"
check "no temporary file left by a failed report set" no_leftovers "$tmp/set"

# results do not depend on the thread count (only the timings and "threads" differ)
psim run "$SMALL" --paths 200 --quiet --threads 1 --json "$tmp/t1.json"
expect_rc 0
psim run "$SMALL" --paths 200 --quiet --threads 8 --json "$tmp/t3.json"
expect_rc 0
grep -v -e 'seconds":' -e '"threads":' "$tmp/t1.json" >"$tmp/t1.cut"
grep -v -e 'seconds":' -e '"threads":' "$tmp/t3.json" >"$tmp/t3.cut"
check "same JSON with --threads 1 and --threads 8" cmp -s "$tmp/t1.cut" "$tmp/t3.cut"

# ---- 5. check ----------------------------------------------------------------

for f in "$SMALL" tests/scenarios/cli_valid.lua tests/scenarios/cli_minimal.lua tests/scenarios/cli_print.lua; do
  psim check "$f"
  expect_rc 0
  check "check prints '$f: ok' first" sh -c 'head -n 1 "$1" | grep -q -F -e "$2: ok"' sh "$tmp/out" "$f"
done
for f in tests/scenarios/cli_valid.lua tests/scenarios/cli_minimal.lua tests/scenarios/cli_print.lua; do
  psim run "$f" --paths 100 --quiet
  expect_rc 0
done

# a scenario table's metatable cannot be changed (an __index that raises only
# when a path re-runs the file would otherwise fail the run while reading hooks)
psim run tests/scenarios/hook_read_fails.lua --paths 10 --quiet
expect_rc 2
# (Lua blames line 18, where the assignment's function ends)
expect_err_start "tests/scenarios/hook_read_fails.lua:18: attempt to index a string value"

# ---- 6. loan tapes ----------------------------------------------------------

psim check tests/scenarios/tape_small.lua
expect_rc 0
psim run tests/scenarios/tape_small.lua --quiet --json "$tmp/tape.json"
expect_rc 0
check "the JSON names the tape and its sha256" grep -q '"file":.*"tests/scenarios/data/small.csv"' "$tmp/tape.json"
# a bad value or a short row names the tape's file, line and column; a path
# leaving the scenario's folder is refused before anything is read
psim check tests/scenarios/bad/tape_bad_pd.lua
expect_rc 2
expect_err_start "tests/scenarios/bad/data/bad_pd.csv:3: column 8 (pd): "
psim check tests/scenarios/bad/tape_short_row.lua
expect_rc 2
expect_err_start "tests/scenarios/bad/data/short_row.csv:2: column 9 (lgd): "
expect_err "8 fields"
psim check tests/scenarios/bad/tape_escape.lua
expect_rc 2
expect_err "inside the scenario's folder"
# nor through a symbolic link below the folder (to a file, or to / and down);
# a link that stays inside the folder is fine
mkdir -p "$tmp/sym/data"
cp tests/scenarios/data/small.csv "$tmp/sym/data/real.csv"
ln -sf /etc/passwd "$tmp/sym/data/loans.csv"
ln -sfn / "$tmp/sym/data/root"
sed 's|data/small.csv|data/loans.csv|' tests/scenarios/tape_small.lua >"$tmp/sym/link.lua"
sed 's|data/small.csv|data/root/etc/passwd|' tests/scenarios/tape_small.lua >"$tmp/sym/root.lua"
sed 's|data/small.csv|data/inside.csv|' tests/scenarios/tape_small.lua >"$tmp/sym/inside.lua"
ln -sf real.csv "$tmp/sym/data/inside.csv"
psim check "$tmp/sym/link.lua"
expect_rc 2
expect_err_start "$tmp/sym/data/loans.csv: a data file must be inside the scenario's folder, and this one leads out of it through a symbolic link"
check "a link out: where it leads is not printed" sh -c '! grep -q "(to /" "$1"' sh "$tmp/err"
psim check "$tmp/sym/root.lua"
expect_rc 2
expect_err_start "$tmp/sym/data/root/etc/passwd: a data file must be inside the scenario's folder"
psim check "$tmp/sym/inside.lua"
expect_rc 0
# loans = {tape = ...} written by hand skips poolsim.csv's check: the folder check
# still refuses it, as outside the folder (not through a link), printing no resolved path
sed 's|poolsim.csv("data/small.csv")|{tape = "/etc/passwd"}|' tests/scenarios/tape_small.lua >"$tmp/sym/abs.lua"
psim check "$tmp/sym/abs.lua"
expect_rc 2
expect_err_start "/etc/passwd: a data file must be inside the scenario's folder, and this one is outside it"
check "tape = /etc/passwd: no line of the file is quoted" sh -c '! grep -q "root:" "$1"' sh "$tmp/err"

# what is not a regular file is refused at once, never waited on: a FIFO no one
# writes to, as a tape and as the scenario (timeout 10: a hang is a failure)
# psim_quick ARGS — psim with 10 s to answer
psim_quick() {
  cmd="poolsim $*"
  timeout 10 "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}
mkdir -p "$tmp/fifo/data"
mkfifo "$tmp/fifo/data/small.csv" "$tmp/fifo/fifo.lua"
cp tests/scenarios/tape_small.lua "$tmp/fifo/tape.lua"
psim_quick check "$tmp/fifo/tape.lua"
expect_rc 2
expect_err_start "$tmp/fifo/data/small.csv: is a FIFO, not a CSV file: only regular files are read"
psim_quick run "$tmp/fifo/tape.lua" --paths 10 --quiet
expect_rc 2
psim_quick check "$tmp/fifo/fifo.lua"
expect_rc 2
expect_err_start "$tmp/fifo/fifo.lua: is a FIFO, not a scenario file: only regular files are read"
psim_quick compare "$SMALL" "$tmp/fifo/fifo.lua" --paths 10 --quiet
expect_rc 2
expect_err_start "$tmp/fifo/fifo.lua: is a FIFO"

# ---- 7. compare and sweep ---------------------------------------------------

# a scenario against itself: common random numbers make every difference exactly 0
psim compare "$SMALL" "$SMALL" --paths 300 --quiet --json "$tmp/cmp.json"
expect_rc 0
check "compare A with A: the net outlay difference is 0" grep -q '"diff":	0,' "$tmp/cmp.json"
check "compare A with A: its standard error is 0" grep -q '"se":	0,' "$tmp/cmp.json"
# paying less per loss lowers the fund's outlay: B - A < 0, with a CI below 0
sed 's/share = { fund = 0.4, bank_a = 0.6 }/share = { fund = 0.2, bank_a = 0.8 }/' "$SMALL" > "$tmp/small_b.lua"
psim compare "$SMALL" "$tmp/small_b.lua" --paths 300
expect_rc 0
expect_out "B−A -"
psim compare "$SMALL" --paths 10
expect_rc 2
expect_err "two scenario files"
# a sweep has a row per value, each with the pool's figures
psim sweep "$SMALL" --vary pools.fund.initial=3e6,6e6,9e6 --paths 200 --quiet --json "$tmp/sweep.json"
expect_rc 0
check "sweep: three rows" test "$(grep -c '"values"' "$tmp/sweep.json")" -eq 3
psim sweep "$SMALL" --paths 10
expect_rc 2
expect_err "--vary"
psim sweep "$SMALL" --vary segments.a_small.pd=0.1,1.5 --paths 50 --quiet
expect_rc 2
expect_err_start "--set segments.a_small.pd=1.5:"

# a tornado moves each key -20% / +20% from the scenario's own value
psim sweep "$SMALL" --tornado segments.a_small.pd,programmes.prog_a.claim_lag --paths 200 --quiet --json "$tmp/tornado.json"
expect_rc 0
check "tornado: the pd moves to 0.032 and 0.048" grep -q '"value":	0.032' "$tmp/tornado.json"
check "tornado: a whole-number lag moves to whole numbers (2 and 4)" grep -q '"value":	4' "$tmp/tornado.json"
psim sweep "$SMALL" --tornado segments.nope.pd --paths 50 --quiet
expect_rc 2
expect_err "segments.nope"

# the largest lending the pool supports: the answer's own depletion meets the target
psim size "$SMALL" --volume --alpha 0.1 --paths 300 --quiet --json "$tmp/volume.json"
expect_rc 0
check "volume: a scale and a lending amount" grep -q '"scale":' "$tmp/volume.json"
check "volume: its depletion is at most 10%" awk '/"depletion"/ { getline; gsub(/[^0-9.]/, "", $0); exit !($0 <= 0.1) }' "$tmp/volume.json"
psim run "$SMALL" --volume --paths 50
expect_rc 2
# leverage 1 on a 3亿 fund binds before the pool: the answer stops at 3亿 a year and names it
psim size tests/scenarios/volume_leverage.lua --volume --alpha 0.05 --paths 100
expect_rc 0
expect_out "the leverage of programme 'p' (1× of 3.000亿, City finance bureau's allocation) binds before the pool"
expect_out "lending stops at 30.0 loans a period, 3.000亿 a year"
# a tornado on a share: the other payer balances it, and the text says so
psim sweep "$SMALL" --tornado programmes.prog_a.share.fund --paths 100
expect_rc 0
expect_out "programmes.prog_a.share.fund: bank_a balances it, 0.68 at the low value 0.32 and 0.52 at the high 0.48"

# bridge funds: size --serve on a fund whose answer is known (test_bridge.c, check 6: 40
# requests of 1000万 out 10 days a month; 95% of them needs 1.25亿), from the command line
# and from a driver's poolsim.size(file, { serve = })
BRIDGE_SETS="--set pools.fund.initial=1e8 --set segments.renewals.requests=40 --set segments.renewals.amount=1e7 --set segments.renewals.pd=0 --set periods=6"
# shellcheck disable=SC2086 # the overrides are words
psim size tests/scenarios/bridge_validate.lua $BRIDGE_SETS --paths 8 --serve 0.95
expect_rc 0
expect_out "P(served < 95%) <= 5%  1.250亿"
mkdir -p "$tmp/bdrv"
cp tests/scenarios/bridge_validate.lua "$tmp/bdrv/"
cat >"$tmp/bdrv/d.lua" <<'LUA'
local sets = { ["pools.fund.initial"] = 1e8, ["segments.renewals.requests"] = 40, ["segments.renewals.amount"] = 1e7,
               ["segments.renewals.pd"] = 0, ["periods"] = 6 }
local s = poolsim.size(arg[1], { paths = 8, serve = 0.95, set = sets })
print("serve", s.sizing.fund[2].serve, s.sizing.fund[2].initial)
LUA
psim script "$tmp/bdrv/d.lua" "$tmp/bdrv/bridge_validate.lua"
expect_rc 0
expect_out "serve	0.95	125000000"

# ---- 8. drivers (poolsim script) --------------------------------------------

psim script tests/scripts/driver_ok.lua hello
expect_rc 0
expect_out "driver ok	hello"
psim script tests/scripts/driver_error.lua
expect_rc 1
expect_err_start "tests/scripts/driver_error.lua:3:"
psim script tests/scripts/no_such_driver.lua
expect_rc 2
expect_err "no_such_driver.lua"
# the sandbox holds for drivers unless --trust lifts it
psim script tests/scripts/driver_os.lua
expect_rc 1
psim script --trust tests/scripts/driver_io.lua
expect_rc 0
expect_out "trusted"
# without --trust the scenarios a driver runs stay below its folder: refused by
# name or through a link (exit 2, the file never opened, so never quoted);
# with --trust anything runs, as before; a link that stays inside is fine
mkdir -p "$tmp/drv/sub"
printf 'password hunter2\n' >"$tmp/drv/secret.lua"
cp "$SMALL" "$tmp/drv/sub/small.lua"
ln -s small.lua "$tmp/drv/sub/inside.lua"
ln -s ../secret.lua "$tmp/drv/sub/out.lua"
printf 'poolsim.run("%s")\n' "$tmp/drv/secret.lua" >"$tmp/drv/sub/up.lua"
printf 'poolsim.run("%s")\n' "$tmp/drv/sub/out.lua" >"$tmp/drv/sub/link.lua"
printf 'poolsim.run("%s")\n' "$tmp/drv/no_such.lua" >"$tmp/drv/sub/missing.lua"
printf 'print(poolsim.run("%s", {paths = 20}).schema)\n' "$tmp/drv/sub/inside.lua" >"$tmp/drv/sub/ok.lua"
printf 'print(poolsim.run("%s", {paths = 20}).schema)\n' "$SMALL" >"$tmp/drv/sub/trusted.lua"
printf 'print(pcall(poolsim.run, "/etc/passwd"))\nprint(poolsim.run("%s", {paths = 20}).schema)\n' \
  "$tmp/drv/sub/small.lua" >"$tmp/drv/sub/caught.lua"
psim script "$tmp/drv/sub/up.lua"
expect_rc 2
expect_err_start "$tmp/drv/sub/up.lua:1: $tmp/drv/secret.lua: without --trust, a scenario a driver runs must be inside the driver's folder, and this one is outside it"
check "a refused scenario is not quoted" sh -c '! grep -q hunter2 "$1"' sh "$tmp/err"
psim script "$tmp/drv/sub/missing.lua"
expect_rc 2
expect_err_start "$tmp/drv/sub/missing.lua:1: $tmp/drv/no_such.lua: without --trust, a scenario a driver runs must be inside the driver's folder, and this one is outside it"
psim script "$tmp/drv/sub/link.lua"
expect_rc 2
expect_err "this one leads out of it through a symbolic link"
check "a link out: not quoted" sh -c '! grep -q hunter2 "$1"' sh "$tmp/err"
psim script "$tmp/drv/sub/ok.lua"
expect_rc 0
expect_out "1"
psim script "$tmp/drv/sub/trusted.lua"
expect_rc 2
psim script --trust "$tmp/drv/sub/trusted.lua"
expect_rc 0
expect_out "1"
psim script --trust "$tmp/drv/sub/up.lua"
expect_rc 1
expect_err "hunter2"
# a refusal caught by pcall leaves the driver running
psim script "$tmp/drv/sub/caught.lua"
expect_rc 0
check "pcall sees the refusal" grep -q "false.*/etc/passwd: without --trust" "$tmp/out"
# a FIFO as the driver, or as a scenario it runs, is refused, never waited on
mkfifo "$tmp/drv/sub/fifo.lua" "$tmp/drv/fifo_driver.lua"
printf 'poolsim.run("%s")\n' "$tmp/drv/sub/fifo.lua" >"$tmp/drv/sub/fifo_run.lua"
psim_quick script "$tmp/drv/fifo_driver.lua"
expect_rc 2
expect_err_start "$tmp/drv/fifo_driver.lua: is a FIFO, not a Lua driver: only regular files are read"
psim_quick script "$tmp/drv/sub/fifo_run.lua"
expect_rc 1
expect_err "$tmp/drv/sub/fifo.lua: is a FIFO, not a scenario file"
psim_quick script --trust "$tmp/drv/sub/fifo_run.lua"
expect_rc 1
expect_err "is a FIFO"

# ---- 9. study pages (--html for sweep, compare, size --volume) ----------------

psim sweep "$SMALL" --tornado segments.a_small.pd --paths 200 --quiet --html "$tmp/t.html"
expect_rc 0
check "tornado --html: a page with a chart" grep -q "<svg" "$tmp/t.html"
psim sweep "$SMALL" --vary segments.a_small.pd=0.02,0.04 --paths 200 --quiet --html "$tmp/v.html" --lang zh
expect_rc 0
check "sweep --html: a page with a chart" grep -q "<svg" "$tmp/v.html"
check "sweep --html --lang zh: Chinese labels" grep -q '<html lang="zh-CN">' "$tmp/v.html"
psim compare "$SMALL" "$SMALL" --paths 200 --quiet --html "$tmp/c.html"
expect_rc 0
check "compare --html: a page with a chart" grep -q "<svg" "$tmp/c.html"
psim size "$SMALL" --volume --alpha 0.1 --paths 200 --quiet --html "$tmp/m.html"
expect_rc 0
check "size --volume --html: a page with a chart" grep -q "<svg" "$tmp/m.html"
psim sweep "$SMALL" --tornado segments.a_small.pd --paths 200 --lang zh
expect_rc 0
check "tornado --lang zh: the terminal text in Chinese" grep -q "耗尽概率" "$tmp/out"
psim compare "$SMALL" "$SMALL" --paths 200 --lang zh
expect_rc 0
check "compare --lang zh: the terminal text in Chinese" grep -q "共同随机数" "$tmp/out"
psim sweep "$SMALL" --vary segments.a_small.pd=0.02,0.04 --paths 200 --lang en
expect_rc 0
check "sweep --lang en: the terminal text in English" grep -q "P(depletion)" "$tmp/out"
# a scheme without pools (insurance) compares and sweeps its parties
sed 's/premium = 0.03/premium = 0.04/' scenarios/chongqing_shoutaitao_2017.lua >"$tmp/cq4.lua"
psim compare scenarios/chongqing_shoutaitao_2017.lua "$tmp/cq4.lua" --paths 200 --lang en --html "$tmp/cq.html"
expect_rc 0
check "compare without pools: the parties' figures" grep -q "loss_ratio" "$tmp/out"
check "compare without pools --html: an answer from the parties" grep -q 'class="answer">insurer, loss ratio: A' "$tmp/cq.html"
psim sweep scenarios/chongqing_shoutaitao_2017.lua --vary segments.equipment.premium=0.02,0.04 --paths 200 --lang en
expect_rc 0
check "sweep without pools: no empty pool table" sh -c '! grep -q "P(depletion)" "$1"' - "$tmp/out"
psim size scenarios/yunnan_zhengyinbao.lua --breakeven parties.insurer.premium --target 0.6 --range 0.001,0.2 \
  --paths 300 --quiet --lang en --html "$tmp/be.html"
expect_rc 0
check "size --breakeven --html: the answer" grep -q 'class="answer"><code>parties.insurer.premium</code> = <b>' "$tmp/be.html"
check "size --breakeven --html: every run drawn" grep -q "<circle" "$tmp/be.html"
psim run tests/scenarios/today_seasoned.lua --paths 50 --quiet --lang en --html "$tmp/seasoned.html"
expect_rc 0
check "run --html: a seasoned group is on the books, not 'periods -2–-2'" \
  grep -q "on the books (originated in period -" "$tmp/seasoned.html"
psim run tests/scenarios/hand_ledger.lua --paths 20 --quiet --lang en --html "$tmp/one.html"
expect_rc 0
check "run --html: a one-period segment says 'period 1'" grep -q "(period 1)" "$tmp/one.html"

# ---- backtest (issue 16): actual figures in the forecast ----------------------
ACT=scenarios/data/mianyang_2022_actual.csv
psim backtest scenarios/mianyang_2022.lua --actual "$ACT" --paths 400 --threads 2 --json "$tmp/bt.json" --md "$tmp/bt.md" --html "$tmp/bt.html"
expect_rc 0
expect_out "under-predicted claims of programme rural_bank_kechuang in year 2 month 8 (period 20): above its 99% band"
check "backtest --json writes valid JSON" json_valid "$tmp/bt.json"
for key in '"backtest"' '"programmes"' '"rural_bank_kechuang"' '"defaults"' '"claims"' '"percentile"' '"p005"' '"p995"' \
  '"outside90"' '"outside99"' '"cumulative"' '"claims_fan"' '"verdict"'; do
  check "backtest JSON has $key" grep -q "$key" "$tmp/bt.json"
done
check "backtest --html: a page with the fan charts" grep -q "<svg" "$tmp/bt.html"
check "backtest --html: the actuals drawn over them" grep -q "<circle" "$tmp/bt.html"
check "backtest --md: the verdict" grep -q "under-predicted\|低估" "$tmp/bt.md"
psim backtest scenarios/mianyang_2022.lua --actual "$ACT" --paths 400 --threads 1 --quiet --json "$tmp/bt1.json"
expect_rc 0
expect_out_empty
check "backtest: the same JSON whatever the threads" cmp -s "$tmp/bt.json" "$tmp/bt1.json"
psim backtest "$SMALL" --actual "$BAD/data/actual_duplicate.csv" --paths 10
expect_rc 2
expect_err_start "$BAD/data/actual_duplicate.csv:4: column 1 (period): a second row"
psim script tests/scripts/driver_backtest.lua
expect_rc 0
expect_out "backtest ok"

# ---- a report to a device or a FIFO is written into it, never renamed over it (a report set
# renames its temporary files over regular files only): /dev/null stays the device, and a FIFO
# with nothing reading it is refused at once rather than waited on
psim run "$SMALL" --paths 50 --quiet --json /dev/null --md /dev/null --xlsx /dev/null
expect_rc 0
if [ -c /dev/null ]; then pass; else fail "/dev/null is no longer a character device"; fi
mkfifo "$tmp/reports.fifo"
psim run "$SMALL" --paths 50 --quiet --json "$tmp/reports.fifo"
expect_rc 1
expect_err_start "poolsim: $tmp/reports.fifo: cannot write: nothing is reading the FIFO"
if [ -p "$tmp/reports.fifo" ]; then pass; else fail "the FIFO was replaced"; fi

# ---- interrupted runs ------------------------------------------------------
# SIGINT/SIGTERM: the workers finish the chunk they hold, the reports cover the
# paths finished (a prefix, so a rerun with that many paths gives the same
# figures) and say so, and the exit code is 128 + the signal.

# interrupt [--under-timeout] SIGNAL ARGS... — start poolsim (or timeout(1)
# running it), send SIGNAL once poolsim's worker threads run (its handler is in
# place by then); sets rc, cmd. timeout(1) passes a signal on to its child and
# to the child's group, so poolsim gets it twice: the repeat must not kill it.
interrupt() {
  wrap=
  if [ "$1" = --under-timeout ]; then wrap="timeout 120"; shift; fi
  sig=$1; shift
  cmd="$wrap poolsim $* (then SIG$sig)"
  $wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  i=0
  while [ $i -lt 300 ]; do
    sim=$pid
    [ -n "$wrap" ] && sim=$(cat "/proc/$pid/task/$pid/children" 2>/dev/null | awk '{ print $1 }')
    [ -n "$sim" ] && [ "$(ls "/proc/$sim/task" 2>/dev/null | wc -l)" -ge 3 ] && break
    sleep 0.1
    i=$((i + 1))
  done
  sleep "${settle:-0.5}"
  kill -"$sig" "$pid" 2>/dev/null
  killed=$(date +%s%N)
  wait "$pid"
  rc=$?
  stop_ms=$((($(date +%s%N) - killed) / 1000000))
}
# json_number FILE KEY — the first number given for "KEY" in a JSON report
json_number() { sed -n "s/^[[:space:]]*\"$2\":[[:space:]]*\([0-9]*\).*/\1/p" "$1" | head -n 1; }

interrupt INT run bench/b1.lua --paths 3000000 --threads 2 --json "$tmp/int.json"
expect_rc 130
expect_err "interrupted (signal 2): the reports cover the first"
check "an interrupted run's text says PARTIAL RUN" grep -q "^PARTIAL RUN: interrupted after" "$tmp/out"
check "an interrupted run's JSON is marked partial" grep -q '"partial":[[:space:]]*true' "$tmp/int.json"
done_paths=$(json_number "$tmp/int.json" paths)
check "an interrupted run finished some paths, not all" test "${done_paths:-0}" -gt 0 -a "${done_paths:-0}" -lt 3000000
check "paths_requested is what was asked" test "$(json_number "$tmp/int.json" paths_requested)" = 3000000
psim run bench/b1.lua --paths "${done_paths:-1}" --threads 1 --quiet --json "$tmp/rerun.json"
expect_rc 0
check "a complete run is not marked partial" grep -q '"partial":[[:space:]]*false' "$tmp/rerun.json"
check "a plain run's JSON says run.sampling plain" grep -q '"sampling":[[:space:]]*"plain"' "$tmp/rerun.json"
# a study under tail sampling aims its one shift at the smallest --alpha, as run and size do
psim compare "$SMALL" "$SMALL" --sampling importance --paths 600 --quiet --json "$tmp/cmp_a1.json"
expect_rc 0
psim compare "$SMALL" "$SMALL" --sampling importance --paths 600 --alpha 0.001 --quiet --json "$tmp/cmp_a2.json"
expect_rc 0
check "a compare under tail sampling says so" grep -q '"sampling":[[:space:]]*"importance"' "$tmp/cmp_a2.json"
check "a study's shift follows --alpha" test "$(json_number "$tmp/cmp_a1.json" effective_paths)" != "$(json_number "$tmp/cmp_a2.json" effective_paths)"
check "a plain run's effective paths are its paths" grep -q '"effective_paths":[[:space:]]*[1-9]' "$tmp/rerun.json"
for f in int rerun; do
  grep -v -e 'seconds":' -e '"threads":' -e '"partial":' -e '"paths_requested":' "$tmp/$f.json" >"$tmp/$f.cut"
done
check "rerunning an interrupted run's paths gives the same JSON" cmp -s "$tmp/int.cut" "$tmp/rerun.cut"

interrupt --under-timeout TERM size bench/b1.lua --paths 3000000 --threads 2 --md "$tmp/term.md"
expect_rc 143
check "an interrupted size says so" grep -q "PARTIAL RUN: interrupted" "$tmp/out"
check "an interrupted run's Markdown is marked partial" grep -q "PARTIAL RUN" "$tmp/term.md"

# a study (compare, sweep, tornado, break-even, volume) stopped so writes nothing: its runs are not
# all complete, and a comparison across runs of different paths would mislead
rm -f "$tmp/sweep_term.json"
interrupt TERM sweep bench/b1.lua --vary pools.fund.initial=5e7,6e7 --paths 1000000 --threads 2 --json "$tmp/sweep_term.json"
expect_rc 143
expect_err "stopped by signal 15 before every run of the study was complete: no report written"
check "an interrupted sweep writes no JSON" test ! -e "$tmp/sweep_term.json"
check "an interrupted sweep prints no table" test ! -s "$tmp/out"

# a signal stops a hook under way (each call of slow_hook.lua's on_period runs
# for about 10 ms): the path it was in is not counted, the rest is a prefix
settle=1.5 interrupt TERM run tests/cli/slow_hook.lua --threads 2 --json "$tmp/hook.json"
expect_rc 143
check "SIGTERM stops a run inside a hook within 2 s (took ${stop_ms} ms)" test "$stop_ms" -lt 2000
check "a run stopped inside a hook writes its JSON, marked partial" grep -q '"partial":[[:space:]]*true' "$tmp/hook.json"
done_paths=$(json_number "$tmp/hook.json" paths)
check "a run stopped inside a hook finished some paths" test "${done_paths:-0}" -gt 0
psim run tests/cli/slow_hook.lua --paths "${done_paths:-1}" --threads 1 --quiet --json "$tmp/hook_rerun.json"
for f in hook hook_rerun; do
  grep -v -e 'seconds":' -e '"threads":' -e '"partial":' -e '"paths_requested":' "$tmp/$f.json" >"$tmp/$f.cut"
done
check "rerunning the paths of a run stopped inside a hook gives the same JSON" cmp -s "$tmp/hook.cut" "$tmp/hook_rerun.cut"

summary
