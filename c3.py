x = rb'a\
bc
