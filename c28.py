f(a,
  b)

