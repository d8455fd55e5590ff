-- bad scenario for tests/cli/test_cli.sh: a finalizer that never returns (Lua runs __gc
-- with hooks off, so no instruction budget would stop it)
setmetatable({}, {__gc = function() while true do end end})  -- <-- error
return poolsim.scenario{ name = "never reached: the line above stops the file" }
