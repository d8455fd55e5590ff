-- bad scenario for tests/catalogue: pcall in a loop around a loop (issue 14)
while true do pcall(function() while true do end end) end  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
