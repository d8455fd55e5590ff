-- bad scenario for tests/cli/test_cli.sh: a pattern whose backtracking would run for hours
local found = ("a"):rep(3000):find(".-.-.-.-.-.-b")  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
