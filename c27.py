x = 'a\
b
c = 'd\
'''q
z'''
