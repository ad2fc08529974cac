x
  