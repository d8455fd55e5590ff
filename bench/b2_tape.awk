# b2_tape.awk — the loan tape of benchmark B2 (bench/b2.lua), deterministic:
#   awk -v n=36000 -f bench/b2_tape.awk > bench/data/b2_tape.csv
# n loans (default 36 000) of one bank, all originated in period 1 with tenor 12:
#   pd     lognormal, median 2% (exp(0.8 N)), clipped to [0.1%, 30%];
#   lgd    uniform on [0.3, 0.8];
#   amount log-uniform on 10万..500万, to the 1 000 yuan;
#   rate   4% below PD 1%, 5.5% below 5%, 7% above (priced by risk).
# Random numbers: the Park-Miller generator x <- 48271 x mod (2^31 - 1), exact in
# awk's doubles, so every awk (mawk, gawk, busybox) writes the same file.
function uniform() { state = (state * 48271) % 2147483647; return state / 2147483647 }
function normal(   u, v) {
  u = uniform(); v = uniform()
  return sqrt(-2 * log(u)) * cos(6.283185307179586 * v)
}
BEGIN {
  if (n == "") n = 36000
  state = 20260601
  print "id,bank,segment,amount,rate,start,tenor,pd,lgd"
  for (i = 1; i <= n; i++) {
    pd = 0.02 * exp(0.8 * normal())
    if (pd < 0.001) pd = 0.001
    if (pd > 0.3) pd = 0.3
    lgd = 0.3 + 0.5 * uniform()
    amount = 1000 * int(100 * exp(uniform() * log(50)) + 0.5)
    rate = pd < 0.01 ? 0.04 : pd < 0.05 ? 0.055 : 0.07
    printf "L%d,bank,sme,%d,%s,1,12,%.5g,%.4g\n", i, amount, rate, pd, lgd
  }
}
