def inner():
    return {}["missing"]

def outer():
    inner()

print("before")
outer()
