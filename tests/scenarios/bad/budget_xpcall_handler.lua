-- bad scenario for tests/catalogue: a message handler that loops once the budget is spent (issue 14)
xpcall(function() while true do end end, function() while true do end end)  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
