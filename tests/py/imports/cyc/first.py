from cyc import second
FIRST = 'first'
