-- one string.find that backtracks for hours inside C, where the count hook
-- never runs: the search is charged its worst case first, and refused
local s = string.rep("a", 3000)
s:find(".-.-.-b")
return 1
