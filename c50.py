x = 'a
b'''
c'''
