-- bad scenario for tests/catalogue: raises an error whose value is a table (no
-- message of its own): the file and line are still named
local function check_sizes(pools)
  if #pools < 2 then error({ reason = "need two pools" }) end  -- <-- error
end
check_sizes({ { id = "fund" } })
return poolsim.scenario{ name = "catalogue scheme", periods = 24 }
