# awk -f tests/scenarios/data/buckets.awk > tests/scenarios/data/buckets.csv (see tests/scenarios/tape_buckets.lua)
BEGIN {
  print "id,bank,segment,programme,amount,rate,start,tenor,pd,lgd"
  split("-6 0 1 4", starts, " ")
  for (i = 0; i < 2000; i++) # PD 0.2%..10% geometric; four starts, two tenors; two templates, 3 loans of tpl_a to 1 of tpl_b
    printf "B%d,bank,%s,,%d,0.05,%d,%d,%.6g,%.4g\n", i, int(i / 8) % 4 == 3 ? "tpl_b" : "tpl_a", 100000 + (i * 7919 % 400) * 1000,
      starts[1 + int(i / 2) % 4], i % 2 ? 24 : 12, 0.002 * 50 ^ (i / 1999), 0.3 + 0.5 * (i * 37 % 100) / 99
  # three marked loans, each its programme's only one, in the buckets of the others (template tpl_a)
  print "M1,bank,tpl_a,m1,200000,0.05,1,12,0.003,0.5"
  print "M2,bank,tpl_a,m2,200000,0.05,1,12,0.025,0.5"
  print "M3,bank,tpl_a,m3,200000,0.05,1,12,0.09,0.5"
}
