# awk -f tests/scenarios/data/hetero.awk > tests/scenarios/data/hetero.csv (see tests/scenarios/tape_hetero.lua)
BEGIN {
  print "id,bank,segment,amount,rate,start,tenor,pd,lgd"
  for (i = 0; i < 300; i++) # pair: PD 20% (1万) and 25% (2万), one bucket
    printf "P%d,bank,tpl_pair,%d,0.05,1,12,%s,%s\n", i, i % 2 ? 20000 : 10000, i % 2 ? "0.25" : "0.2", i % 3 ? "0.4" : "0.6"
  for (i = 0; i < 400; i++) # spread: PD 0.1%..30% geometric, amounts 10万..49.9万, LGD 0.3..0.8
    printf "S%d,bank,tpl_spread,%d,0.05,1,12,%.6g,%.4g\n", i, 100000 + (i * 7919 % 400) * 1000, 0.001 * 300 ^ (i / 399), 0.3 + 0.5 * (i * 37 % 100) / 99
  for (i = 0; i < 400; i++) # low: PD 0.5%, one group
    printf "L%d,bank,tpl_low,50000,0.05,1,12,0.005,0.5\n", i
}
