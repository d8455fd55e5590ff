-- found by fuzz_hooks: error(msg, 2) in a hook has no position (its caller is the engine);
-- the message must still name the scenario file
error("boom*)ope" ,2)
