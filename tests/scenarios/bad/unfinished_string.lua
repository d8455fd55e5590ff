-- bad scenario for tests/catalogue: a string that is never closed
return poolsim.scenario{
  name = "catalogue scheme,  -- <-- error
  periods = 24,
}
