DEEP = 'deep'
