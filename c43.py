 x
