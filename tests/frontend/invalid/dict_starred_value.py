d = {k: *v}
