if 1:
  x
# c