#!/bin/sh
# run.sh POOLSIM — the catalogue of bad inputs (tests/catalogue/catalogue.tsv):
# each entry must make poolsim exit with its code (2) and print exactly its
# message as the first line of stderr, with nothing else on stderr but the
# line pointing to the help, "see 'poolsim COMMAND --help'" (usage errors
# only), and nothing on stdout. Run from the repo root:
#   sh tests/catalogue/run.sh ./poolsim
# Prints PASS or FAIL for each entry and "test_catalogue: N passed, M failed"
# last; exits 1 when anything failed.
#
# Inputs that cannot be files in git are made here, in a temporary folder
# under build/ that the catalogue calls @GEN@: a directory where a file should
# be, an empty file, non-UTF-8 bytes, a scenario over the size limit (a sparse
# file: nothing is written to disk), and loan tapes with their scenarios (a
# tape path must lie in its scenario's folder). The two 2 GB lines are sparse
# files (a few megabytes of text, then zeros that take no disk): poolsim must
# stop at its limit after a few kilobytes or megabytes. FIFOs named as a tape or
# a scenario, with nothing writing to them, must be refused at once, and links
# and names leading out of a scenario's or a driver's folder too. Every poolsim
# call goes through `timeout 60`: a hang is a failure.

bin=${1:?usage: sh tests/catalogue/run.sh PATH_TO_POOLSIM}
case "$bin" in */*) ;; *) bin=./$bin ;; esac
catalogue=tests/catalogue/catalogue.tsv
MIN_ENTRIES=40
passed=0 failed=0
mkdir -p build
gen=$(mktemp -d build/catalogue.XXXXXX) || exit 1
trap 'rm -rf "$gen"' EXIT
trap 'exit 1' INT TERM
TAB=$(printf '\t')

# ---- inputs made here -------------------------------------------------------

mkdir "$gen/dir.lua"
: >"$gen/empty.lua"
# a GBK-encoded name (中文) in an otherwise fine scenario
printf 'return poolsim.scenario{\n  name = "\326\320\316\304",\n  periods = 12,\n}\n' >"$gen/gbk.lua"
# a UTF-8 byte order mark does not move the lines: the bad pd stays on line 19
printf '\357\273\277-- saved with a BOM\n' >"$gen/bom.lua"
sed 's/pd = 0.04/pd = 1.04/' tests/scenarios/small.lua | sed 1d >>"$gen/bom.lua"
truncate -s 65M "$gen/huge.lua"

mkdir -p "$gen/tapes/data/dir.csv"
HEADER='id,bank,segment,amount,rate,start,tenor,pd,lgd'
# tape NAME: a scenario tapes/NAME.lua reading tapes/data/NAME.csv
tape() {
  cat >"$gen/tapes/$1.lua" <<EOF
return poolsim.scenario{
  name = "catalogue tape", periods = 3, step = "year",
  parties = { {id = "gov", kind = "government"}, {id = "bank", kind = "bank"} },
  pools = { {id = "fund", owner = "gov", initial = 1e7} },
  segments = { {id = "tpl", new_loans = 0, loan = 1, tenor = 1, pd = 0, lgd = 0.5} },
  programmes = { {id = "p", segments = {"tpl"}, bank = "bank", share = {fund = 0.4, bank = 0.6}} },
  loans = poolsim.csv("data/$1.csv"),
}
EOF
}
for name in dir missing empty unterminated truncated gbk utf16 bank_unknown amount_word pd_nan line_2gb value_2gb; do
  tape "$name"
done
: >"$gen/tapes/data/empty.csv"
printf '%s\nA1,bank,tpl,1000000,0.06,1,2,0.1,"0.5\nA2,bank,tpl,1000000,0.06,1,2,0.1,0.5\n' "$HEADER" \
  >"$gen/tapes/data/unterminated.csv"
printf '%s\nA1,bank,tpl,1000000,0.06,1,2,0.1,0.5\nA2,bank,tpl,1000' "$HEADER" >"$gen/tapes/data/truncated.csv"
printf '%s\n\326\320\316\304,bank,tpl,1000000,0.06,1,2,0.1,0.5\n' "$HEADER" >"$gen/tapes/data/gbk.csv"
printf '\377\376i\000d\000\n\000' >"$gen/tapes/data/utf16.csv"
printf '%s\nA1,bnak,tpl,1000000,0.06,1,2,0.1,0.5\n' "$HEADER" >"$gen/tapes/data/bank_unknown.csv"
printf '%s\nA1,bank,tpl,1 million,0.06,1,2,0.1,0.5\n' "$HEADER" >"$gen/tapes/data/amount_word.csv"
printf '%s\nA1,bank,tpl,1000000,0.06,1,2,nan,0.5\n' "$HEADER" >"$gen/tapes/data/pd_nan.csv"
# 2 GiB tapes: a line of spaces after a quoted column name, a value of x's
{ printf '"id"'; head -c 5242880 /dev/zero | tr '\0' ' '; } >"$gen/tapes/data/line_2gb.csv"
{ printf '%s\n' "$HEADER"; head -c 8192 /dev/zero | tr '\0' x; } >"$gen/tapes/data/value_2gb.csv"
truncate -s 2G "$gen/tapes/data/line_2gb.csv" "$gen/tapes/data/value_2gb.csv"

# a FIFO with nothing writing to it, as a tape and as a scenario: refused, never waited on
tape fifo
mkfifo "$gen/tapes/data/fifo.csv" "$gen/fifo.lua"
# tapes out of the scenario's folder, through a link or by name (loans = {tape = ...}
# skips poolsim.csv's own check); an existing and a missing file get the same message
tape link_out
tape link_nowhere
ln -s /etc/passwd "$gen/tapes/data/link_out.csv"
ln -s /nonexistent/secret.csv "$gen/tapes/data/link_nowhere.csv"
ln -s /etc "$gen/tapes/data/etc"
# tape_named NAME PATH: a scenario tapes/NAME.lua with loans = {tape = PATH}
tape_named() {
  sed "s|poolsim.csv(\"data/dir.csv\")|{tape = \"$2\"}|" "$gen/tapes/dir.lua" >"$gen/tapes/$1.lua"
}
tape_named abs_passwd /etc/passwd
tape_named abs_missing /etc/no_such_file.csv
tape_named dotdot ../outside.csv
tape_named dir_link_passwd data/etc/passwd
tape_named dir_link_missing data/etc/no_such_file.csv

# drivers without --trust: the scenario files they name stay below the driver's
# folder. secret.lua, outside it, is not Lua: a message quoting it would show.
# driver NAME CALL: a driver drivers/NAME.lua whose one line is CALL
mkdir "$gen/drivers"
printf 'password hunter2\n' >"$gen/secret.lua"
driver() {
  printf '%s\n' "$2" >"$gen/drivers/$1.lua"
}
driver dotdot "poolsim.run(\"$gen/drivers/../secret.lua\")"
driver dotdot_missing "poolsim.run(\"$gen/drivers/../no_such.lua\")"
driver sibling "poolsim.run(\"$gen/secret.lua\")"
driver up "poolsim.run(\"../secret.conf\")"
driver absolute "poolsim.run(\"/etc/passwd\")"
driver absolute_missing "poolsim.run(\"/etc/no_such.lua\")"
driver via_link "poolsim.size(\"$gen/drivers/link.lua\")"
driver link_nowhere "poolsim.run(\"$gen/drivers/nowhere.lua\")"
driver sweep "poolsim.sweep(\"$gen/secret.lua\", \"paths\", {10})"
driver compare "poolsim.compare(\"$gen/drivers/fifo_ok.lua\", \"$gen/secret.lua\")"
ln -s ../secret.lua "$gen/drivers/link.lua"
ln -s ../no_such.lua "$gen/drivers/nowhere.lua"
mkfifo "$gen/drivers/fifo.lua" "$gen/drivers/fifo_ok.lua"

# files deep enough that Lua shortens their chunk names to "..." and a tail: messages must
# still name them in full
long="$gen/a_folder_whose_name_is_long_enough_that_lua_would_shorten_it"
mkdir "$long"
cp tests/scenarios/bad/lognormal_sd.lua tests/scenarios/bad/on_default_string.lua "$long/"
sed 's/while true do end/local y = nil + 1/' tests/scenarios/bad/hook_infinite_loop.lua >"$long/hook_error.lua"
printf 'local x = 1\nerror("the driver stops here")\n' >"$long/driver.lua"
printf 'local x = = 1\n' >"$long/syntax.lua"

# ---- the entries -------------------------------------------------------------

# subst TEXT — TEXT with every @GEN@ replaced by the folder made above
subst() {
  s=$1 out=
  while :; do
    case $s in
      *@GEN@*) out=$out${s%%@GEN@*}$gen; s=${s#*@GEN@} ;;
      *) printf '%s' "$out$s"; return ;;
    esac
  done
}

fail() {
  failed=$((failed + 1))
  echo "FAIL $id: poolsim $args"
  echo "     $*"
}

run_entry() {
  args=$(subst "$3") want=$(subst "$4")
  if [ "$args" = "(none)" ]; then set --; else eval "set -- $args"; fi
  timeout 60 "$bin" "$@" >"$gen/out" 2>"$gen/err"
  rc=$?
  got=$(sed -n 1p "$gen/err")
  sed 1d "$gen/err" >"$gen/rest"
  if [ "$rc" -eq 124 ]; then fail "timed out after 60 s"; return; fi
  if [ "$rc" -ne "$code" ]; then fail "exit $rc, want $code; stderr: $got"; return; fi
  if [ "$got" != "$want" ]; then
    fail "stderr differs"
    echo "     want: $want"
    echo "     got:  $got"
    return
  fi
  if [ -s "$gen/rest" ] && ! { [ "$(wc -l <"$gen/rest")" -eq 1 ] &&
    grep -q -x "see 'poolsim\( [a-z]*\)\? --help'" "$gen/rest"; }; then
    fail "more on stderr than the message and the line pointing to --help: $(sed -n 1p "$gen/rest")"
    return
  fi
  if [ -s "$gen/out" ]; then fail "stdout is not empty: $(head -c 80 "$gen/out")"; return; fi
  passed=$((passed + 1))
  echo "PASS $id"
}

total=0 ids=
while IFS="$TAB" read -r id code args want extra; do
  case $id in '' | '#'*) continue ;; esac
  total=$((total + 1))
  if [ -z "$want" ] || [ -n "$extra" ]; then
    args=$args fail "catalogue line needs 4 tab-separated columns: id, exit code, arguments, message"
    continue
  fi
  case " $ids " in *" $id "*) fail "the id is used twice in the catalogue"; continue ;; esac
  ids="$ids $id"
  run_entry "$id" "$code" "$args" "$want"
done <"$catalogue"

if [ "$total" -lt "$MIN_ENTRIES" ]; then
  id=catalogue args=
  fail "only $total entries, the catalogue keeps at least $MIN_ENTRIES"
fi
echo "test_catalogue: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
