d[ [k] = v
