yield += 1
