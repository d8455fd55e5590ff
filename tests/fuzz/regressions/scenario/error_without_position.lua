-- an error without a position (a table, or level 0): the message must still name the file
error({})
