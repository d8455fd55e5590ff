-- bad scenario for tests/catalogue: pcall around a loop with a __close handler that loops (issue 14)
while true do pcall(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) while true do end end) end  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
