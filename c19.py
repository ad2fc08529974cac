x
  # c