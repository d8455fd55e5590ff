-- bad scenario for tests/catalogue: recursion without an end overflows Lua's stack
local function depth(n)
  return 1 + depth(n + 1)  -- <-- error
end
depth(1)
return poolsim.scenario{ name = "catalogue scheme", periods = 24 }
