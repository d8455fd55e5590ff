-- bad scenario for tests/catalogue: pcall(error) in a loop, stopped as fast as a plain loop (issue 14)
while true do pcall(error) end  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
