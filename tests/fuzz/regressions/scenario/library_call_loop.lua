-- a loop whose every step copies a long string in C: within the instruction
-- budget, but hours of work until library calls were charged their bytes
local s = string.rep("x", 1 << 16)
for i = 1, 1e9 do local t = s:upper() end
return 1
