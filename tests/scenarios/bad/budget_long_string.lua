-- bad scenario for tests/catalogue: a string of 64 MiB, which two == would compare in one instruction (issue 14)
local a = ("a"):rep(64 << 20)  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
