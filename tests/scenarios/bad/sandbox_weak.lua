-- bad scenario for the catalogue: a weak table (what it keeps would depend on the
-- garbage collector, which one Lua state runs across a worker's paths)
local seen = setmetatable({}, {__mode = "k"})  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
