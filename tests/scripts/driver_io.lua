io.write("trusted\n")
