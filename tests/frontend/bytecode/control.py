# Branches and loops: if/elif/else, while/else, for/else, break and continue, assert.
def f(n):
    total = 0
    for i in range(n):
        if i % 2:
            continue
        elif i > 10:
            break
        total += i
    else:
        total = -1
    while total > 0:
        total -= 3
        if total == 7:
            break
    else:
        total = 0
    assert total >= 0, "negative"
    return total if total else None
