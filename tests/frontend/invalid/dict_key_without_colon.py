d = {'a': 1, 'b' None}
