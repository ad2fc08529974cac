class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("rex")
print(d.speak(), d.kind, d.name, repr(d), isinstance(d, Animal), issubclass(Dog, Animal))
print(type(d).__name__, Dog.__mro__ if False else [c.__name__ for c in Dog.__mro__])

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __len__(self):
        return 2

print(Vec(1, 2) + Vec(3, 4), Vec(1, 2) == Vec(1, 2), Vec(1, 2) != Vec(2, 1), len(Vec(0, 0)))
try:
    Vec(1, 2) < Vec(3, 4)
except TypeError as e:
    print(e)
