#!/bin/sh
# render_check.sh POOLSIM — render the Mianyang HTML report with headless Chromium
# and check that it really draws: a screenshot of an A4-sized window that is much
# larger (as a PNG) than a single-colour page of the same size, and a print to PDF
# with several A4 pages and a CJK font embedded (Chinese labels not drawn as boxes).
# Needs chromium (Debian package chromium) and a CJK font (fonts-wqy-microhei or
# fonts-noto-cjk). Run from the repository root. Prints
# "render_check: N passed, M failed" and exits non-zero on any failure; set
# RENDER_KEEP=DIR to keep the page, screenshot and PDF in DIR.
bin=${1:?usage: tests/html/render_check.sh POOLSIM}
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "render_check: FAIL: $*" >&2; }
check() { # description, then a command: passes when it succeeds
  what=$1; shift
  if "$@"; then ok; else bad "$what"; fi
}
finish() {
  echo "render_check: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
  exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/render_check.XXXXXX") || { bad "mktemp"; finish; }
trap 'rm -rf "$tmp"' EXIT INT TERM
html=$tmp/mianyang.html

# 1. the page
if "$bin" run scenarios/mianyang_2022.lua --paths 2000 --quiet --html "$html" >"$tmp/out" 2>&1 && [ -s "$html" ]; then
  ok
else
  bad "$bin run ... --html did not write a page: $(tail -n 3 "$tmp/out")"
  finish
fi
check "the page has no <svg> charts" [ "$(grep -o '<svg' "$html" | wc -l)" -ge 5 ]
check "the page refers to the network" [ "$(grep -o 'https\{0,1\}://[^"]*' "$html" | grep -v -x 'http://www.w3.org/2000/svg' | wc -l)" -eq 0 ]
check "the page has a script" [ "$(grep -c -i '<script' "$html")" -eq 0 ]

# 2. Chromium, with no network, profile or background services
chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$chromium" ]; then
  bad "chromium not found (apt-get install chromium)"
  finish
fi
chrome() { # output flag, url
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" "$1" --window-size=1240,1754 "$2" >>"$tmp/chromium.log" 2>&1
}
size() { wc -c <"$1" | tr -d ' '; }
# four big-endian bytes of a file at an offset, as a number
u32() { od -An -tu1 -j "$2" -N4 "$1" | awk '{ print (($1 * 256 + $2) * 256 + $3) * 256 + $4 }'; }

# single-colour pages of the same size: what "nothing drawn" looks like
printf '<!DOCTYPE html><html><body></body></html>\n' >"$tmp/blank.html"
printf '<!DOCTYPE html><html><body style="margin:0;background:#1f5fa8"></body></html>\n' >"$tmp/solid.html"
chrome --screenshot="$tmp/blank.png" "file://$tmp/blank.html"
chrome --screenshot="$tmp/solid.png" "file://$tmp/solid.html"
chrome --screenshot="$tmp/page.png" "file://$html"

check "no screenshot (see $tmp/chromium.log)" [ -s "$tmp/page.png" ]
if [ -s "$tmp/page.png" ]; then
  check "the screenshot is not a PNG" [ "$(od -An -tx1 -N8 "$tmp/page.png" | tr -d ' \n')" = "89504e470d0a1a0a" ]
  check "the screenshot is not 1240x1754" [ "$(u32 "$tmp/page.png" 16)x$(u32 "$tmp/page.png" 20)" = "1240x1754" ]
  check "the screenshot is the same as a blank page" [ -n "$(cmp "$tmp/page.png" "$tmp/blank.png" 2>&1)" ]
  # a single-colour image compresses to almost nothing: a page with text and
  # charts is many times larger than the blank and the solid-colour renders
  one=$(size "$tmp/blank.png")
  [ "$(size "$tmp/solid.png")" -gt "$one" ] && one=$(size "$tmp/solid.png")
  big=$(size "$tmp/page.png")
  check "the screenshot ($big bytes) is no bigger than a single-colour page ($one bytes) would be" \
    [ "$big" -gt $((one * 5)) -a "$big" -gt 50000 ]
fi

# 3. printed to PDF (A4 from the page's @page rule)
chrome --print-to-pdf="$tmp/page.pdf" "file://$html"
chrome --print-to-pdf="$tmp/blank.pdf" "file://$tmp/blank.html"
check "no PDF" [ -s "$tmp/page.pdf" ]
if [ -s "$tmp/page.pdf" ]; then
  check "the PDF is not a PDF" [ "$(head -c 5 "$tmp/page.pdf")" = "%PDF-" ]
  pages=$(grep -a -o '/Type */Pages\b.*' "$tmp/page.pdf" | grep -a -o '/Count [0-9]*' | awk '{ print $2 }' | sort -n | tail -n 1)
  [ -n "$pages" ] || pages=$(grep -a -o '/Count [0-9]*' "$tmp/page.pdf" | awk '{ print $2 }' | sort -n | tail -n 1)
  check "the PDF has ${pages:-no} pages, not 2 to 40" [ "${pages:-0}" -ge 2 -a "${pages:-0}" -le 40 ]
  check "the PDF is no bigger than a blank one" [ "$(size "$tmp/page.pdf")" -gt $(($(size "$tmp/blank.pdf") * 20)) ]
  # A4 is 595 x 842 points
  check "the PDF pages are not A4" grep -a -q '/MediaBox *\[ *0 0 59[45][.0-9]* 84[12][.0-9]* *\]' "$tmp/page.pdf"
  check "no CJK font in the PDF: Chinese drawn as boxes (install fonts-wqy-microhei or fonts-noto-cjk)" \
    grep -a -q -E '/BaseFont */[A-Z]*\+?[A-Za-z-]*(CJK|WenQuanYi|Hei|Song|Ming|Kai|HanSans|HanSerif)' "$tmp/page.pdf"
fi

if [ -n "$RENDER_KEEP" ]; then
  mkdir -p "$RENDER_KEEP" && cp "$html" "$tmp/page.png" "$tmp/page.pdf" "$RENDER_KEEP"/ 2>/dev/null
fi
finish
