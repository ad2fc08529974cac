DEEPER = 'deeper'
