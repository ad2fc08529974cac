B_VALUE = 'b'
