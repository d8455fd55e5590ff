-- bad scenario for tests/catalogue: a long character class, stopped as fast as a plain loop (issue 14)
local p, s = "[" .. ("%a%d%s"):rep(1000) .. "]", ("!"):rep(1000) while true do s:find(p) end  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
