#!/bin/sh
# test_conventions.sh POOLSIM — the command line's conventions (issue 17):
# --help, -h, COMMAND --help and --version exit 0; per-command help lists only
# that command's options; a usage error is one line ("did you mean" for a
# misspelt option or command) and the --help line; --set KEY=nil removes a
# field; a misspelt result field in a driver is an error; --lang defaults from
# the locale. Run from the repo root: sh tests/cli/test_conventions.sh ./poolsim
suite=test_conventions
. tests/cli/lib.sh
S=tests/scenarios/small.lua

rc_is() { [ "$rc" -eq "$1" ]; }
out_has() { grep -q -F -e "$1" "$tmp/out"; }
err_is() { printf '%s\n' "$@" | cmp -s - "$tmp/err"; }

# ---- help and version: stdout, exit 0, nothing on stderr ----
for args in "--help" "-h" "help" "run --help" "run -h" "help run" "size --help" "check --help" "compare --help" \
            "sweep --help" "backtest --help" "script --help" "run $S --paths 10 --help" "--version"; do
  # shellcheck disable=SC2086 # words
  psim $args
  check "exit 0" rc_is 0
  check "something on stdout" test -s "$tmp/out"
  check "nothing on stderr" test ! -s "$tmp/err"
done
psim --version
check "the version" grep -q '^poolsim [0-9][0-9.]*$' "$tmp/out"
psim run --help
check "run --help lists run's options" out_has "--at Y"
check "run --help does not list sweep's" sh -c "! grep -q -e '--vary' '$tmp/out'"
psim compare --help
check "compare --help: the outputs it writes" out_has "compare            --json --html"
check "compare --help: not --md" sh -c "! grep -q -e '--md' '$tmp/out'"
psim --help
for c in run size check compare sweep backtest script; do check "--help lists $c" grep -q "^  $c " "$tmp/out"; done

# the man page names every option poolsim --help lists
psim --help
for o in $(sed -n 's/^  \(--[a-z]*\).*/\1/p' "$tmp/out"); do
  check "docs/poolsim.1 names $o" grep -q -e "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" docs/poolsim.1
done

# ---- check --keys: the keys --set can change, as the file writes them, with the overrides applied
psim check $S --keys --set pools.fund.yield=nil --set segments.b_term.pd=0.03
check "--keys: exit 0" rc_is 0
check "--keys: a pool's field" grep -q -x "pools.fund.initial" "$tmp/out"
check "--keys: a table entry" grep -q -x "pools.fund.topups.13" "$tmp/out"
check "--keys: a share" grep -q -x "programmes.prog_a.share.fund" "$tmp/out"
check "--keys: a distribution's parameter" grep -q -x "segments.a_small.loan.mean" "$tmp/out"
check "--keys: a removed field is not there" sh -c "! grep -q -x pools.fund.yield '$tmp/out'"
check "--keys: sorted" sh -c "LC_ALL=C sort -c '$tmp/out'"
check "--keys: the 59 values small.lua writes, less the removed one" sh -c "[ \$(wc -l <'$tmp/out') -eq 58 ]"
# a listed key is one --set takes
psim check $S --set "$(sed -n '/^segments.a_small.loan.mean$/p' "$tmp/out")=3e6"
check "--set a listed key" rc_is 0

# ---- usage errors: one line and the --help line ----
psim run $S --pahts 10
check "exit 2" rc_is 2
check "did you mean --paths" err_is "poolsim: unknown option '--pahts' (did you mean --paths?)" "see 'poolsim run --help'"
psim szie $S
check "did you mean size" err_is "poolsim: unknown command 'szie' (did you mean size?)" "see 'poolsim --help'"
psim run $S --frobnicate
check "no suggestion when nothing is near" err_is "poolsim: unknown option '--frobnicate'" "see 'poolsim run --help'"
psim compare $S $S --check
check "an option of another command" err_is "poolsim: compare does not take --check" "see 'poolsim compare --help'"

# ---- --set KEY=nil ----
# an optional field removed takes its default (a pool's yield: 0)
psim run $S --paths 200 --quiet --set pools.fund.yield=nil --json "$tmp/nil.json"
check "yield=nil runs" rc_is 0
psim run $S --paths 200 --quiet --set pools.fund.yield=0 --json "$tmp/zero.json"
check "yield=nil gives what yield=0 gives" sh -c "[ \"\$(grep -v 'seconds\"\|\"value\":' '$tmp/nil.json')\" = \"\$(grep -v 'seconds\"\|\"value\":' '$tmp/zero.json')\" ]"
psim run $S --paths 200 --quiet --json "$tmp/base.json"
check "yield=nil differs from the scenario's yield" sh -c "! cmp -s '$tmp/base.json' '$tmp/nil.json'"
# a required field removed: the usual message, naming the --set
psim check $S --set segments.a_small.pd=nil
check "pd=nil: exit 2" rc_is 2
check "pd=nil: missing" err_is "--set segments.a_small.pd=nil: segment 'a_small': field 'pd': missing (a number is required)"

# ---- a misspelt result field in a driver ----
psim script tests/scripts/driver_result_field.lua
check "driver: exit 1" rc_is 1
check "driver: the field named, the fields listed" grep -q "driver_result_field.lua:12: no field 'intial' in a poolsim result (fields: alpha, ci, convergence, initial)" "$tmp/err"

# ---- --lang from the locale ----
LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= psim run $S --paths 100
check "LANG=zh_CN.UTF-8: the summary in Chinese" out_has "条路径，随机种子 7"
LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= psim run $S --paths 100 --lang en
check "--lang en overrides the locale" out_has "100 paths, seed 7"
LANG=C LC_ALL= LC_MESSAGES= psim run $S --paths 100
check "LANG=C: the summary in English" out_has "100 paths, seed 7"
LANG=zh_CN.UTF-8 LC_ALL=C psim run $S --paths 100
check "LC_ALL comes before LANG" out_has "100 paths, seed 7"
LANG=zh_CN.UTF-8 LC_ALL= LC_MESSAGES= psim size $S --paths 100 --quiet --md "$tmp/zh.md"
check "LANG=zh_CN.UTF-8: the Markdown report in Chinese" grep -q "随机种子" "$tmp/zh.md"
LANG=C LC_ALL= LC_MESSAGES= psim size $S --paths 100 --quiet --md "$tmp/en.md"
check "LANG=C: the report of an English-named scenario in English" grep -q "seed 7" "$tmp/en.md"

summary
