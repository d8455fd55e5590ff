-- bad scenario for tests/cli/test_cli.sh: many patterns, each affordable, together past the budget
for i = 1, 1000000 do local found = ("a"):rep(2000):find(".-b") end  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
