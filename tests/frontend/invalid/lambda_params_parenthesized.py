f = lambda (a): a
