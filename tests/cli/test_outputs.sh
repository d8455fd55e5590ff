#!/bin/sh
# test_outputs.sh POOLSIM — every command with every output option: each is
# honoured (exit 0, the file written and not empty; for --csv a folder of
# non-empty files) or refused (exit 2, one line naming the command and the
# option, the --help line, nothing written). One table below drives it; the
# test fails when `poolsim --help` lists a command or an output option that
# the table does not cover, so a new one cannot be forgotten. Run from the
# repo root: sh tests/cli/test_outputs.sh ./poolsim
suite=test_outputs
. tests/cli/lib.sh
S=tests/scenarios/small.lua
BRIDGE="tests/scenarios/bridge_validate.lua --set pools.fund.initial=1e8 --set segments.renewals.requests=40 --set segments.renewals.amount=1e7 --set segments.renewals.pd=0 --set periods=6"

# mode, its arguments (@OUT@: where the output option goes), the output options it writes
cat >"$tmp/table" <<TABLE
run	run $S --paths 100 --quiet @OUT@	--json --md --html --csv --xlsx
size	size $S --paths 100 --quiet @OUT@	--json --md --html --csv --xlsx
size --serve	size $BRIDGE --paths 8 --serve 0.95 --quiet @OUT@	--json --md --html --csv --xlsx
size --volume	size $S --volume --alpha 0.1 --paths 100 --quiet @OUT@	--json --html
size --breakeven	size tests/scenarios/breakeven_insurer.lua --breakeven parties.ins.premium --paths 100 --quiet @OUT@	--json --html
check	check $S @OUT@	
compare	compare $S $S --paths 100 --quiet @OUT@	--json --html
sweep	sweep $S --vary pools.fund.initial=1e7,2e7 --paths 100 --quiet @OUT@	--json --html
sweep --tornado	sweep $S --tornado pools.fund.initial --paths 100 --quiet @OUT@	--json --html
backtest	backtest scenarios/mianyang_2022.lua --actual scenarios/data/mianyang_2022_actual.csv --paths 100 --quiet @OUT@	--json --md --html
script	script @OUT@ tests/scripts/driver_ok.lua	
TABLE

bad() {
  failed=$((failed + 1))
  echo "FAIL: $*"
  [ -s "$tmp/err" ] && sed -n '1,3s/^/      stderr: /p' "$tmp/err"
}

# the commands and the output options poolsim lists in its help
"$bin" --help >"$tmp/help" || bad "poolsim --help: exit $?"
commands=$(sed -n '/^commands:/,/^$/p' "$tmp/help" | awk 'NR > 1 && /^  [a-z]/ { print $1 }')
flags=$(sed -n '/^output options/,/^$/p' "$tmp/help" | awk 'NR > 1 && /^  --/ { print $1 }')
[ -n "$commands" ] && [ -n "$flags" ] && pass || bad "no commands or output options found in poolsim --help"
for c in $commands; do
  cut -f1 "$tmp/table" | grep -q "^$c\( \|\$\)" && pass || bad "the table has no row for the command '$c'"
done

while IFS="$TAB" read -r mode args writes; do
  for flag in $flags; do
    out="$tmp/out_$(echo "$mode" | tr -c 'a-z' _)$flag"
    target=$out
    [ "$flag" = --csv ] || target=$out.file
    line=$(printf '%s' "$args" | sed "s|@OUT@|$flag $target|")
    # shellcheck disable=SC2086 # the table's arguments are words
    timeout 120 "$bin" $line >"$tmp/stdout" 2>"$tmp/err"
    rc=$?
    what="poolsim $line"
    case " $writes " in
      *" $flag "*)
        if [ "$rc" -ne 0 ]; then bad "$what: exit $rc, want 0 (it writes $flag)"; continue; fi
        if [ "$flag" = --csv ]; then
          [ -d "$target" ] && [ -n "$(ls "$target")" ] && ! find "$target" -type f -empty | grep -q . && pass ||
            bad "$what: no CSV files, or an empty one, in $target"
        else
          [ -s "$target" ] && pass || bad "$what: $target not written or empty"
        fi ;;
      *)
        [ "$rc" -eq 2 ] && pass || bad "$what: exit $rc, want 2 (a refusal of $flag)"
        [ "$(wc -l <"$tmp/err")" -eq 2 ] && grep -q -e "$flag" "$tmp/err" && grep -q -x "see 'poolsim [a-z]* --help'" "$tmp/err" &&
          pass || bad "$what: the refusal is not one line naming $flag and the --help line"
        [ -e "$target" ] && bad "$what: refused, but $target was written" || pass ;;
    esac
  done
done <"$tmp/table"

summary
