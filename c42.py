x = 'a…b'
