# b7_tape.awk — the loan tape of benchmark B7 (bench/b7.lua), deterministic:
#   awk -v n=50000 -f bench/b7_tape.awk > bench/data/b7_tape.csv
# n heterogeneous obligors (default 50 000), one loan each, of one bank:
#   pd      log-uniform on [0.2%, 10%] a year (0.002 x 50^U);
#   segment mfg or svc (each loads on its own sector; bench/b7.lua);
#   start   quarterly over the first four years: 1, 4, ..., 46;
#   tenor   12, 24 or 36 months;
#   lgd     uniform on [0.3, 0.8];
#   amount  log-uniform on 10万..500万, to the 1 000 yuan;
#   rate    4% below PD 1%, 5.5% below 5%, 7% above (priced by risk).
# Random numbers: the Park-Miller generator x <- 48271 x mod (2^31 - 1), exact in
# awk's doubles, so every awk (mawk, gawk, busybox) writes the same file.
function uniform() { state = (state * 48271) % 2147483647; return state / 2147483647 }
BEGIN {
  if (n == "") n = 50000
  state = 20261207
  print "id,bank,segment,amount,rate,start,tenor,pd,lgd"
  for (i = 1; i <= n; i++) {
    pd = 0.002 * exp(uniform() * log(50))
    segment = uniform() < 0.5 ? "mfg" : "svc"
    start = 1 + 3 * int(16 * uniform())
    tenor = 12 * (1 + int(3 * uniform()))
    lgd = 0.3 + 0.5 * uniform()
    amount = 1000 * int(100 * exp(uniform() * log(50)) + 0.5)
    rate = pd < 0.01 ? 0.04 : pd < 0.05 ? 0.055 : 0.07
    printf "O%d,bank,%s,%d,%s,%d,%d,%.5g,%.4g\n", i, segment, amount, rate, start, tenor, pd, lgd
  }
}
