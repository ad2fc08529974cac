# __prepare__ returning a dict subclass that records the order of the class body's names.
order = []
class Recorder(dict):
    def __setitem__(self, key, value):
        order.append(key)
        super().__setitem__(key, value)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recorder()
class Ordered(metaclass=Meta):
    zebra = 1
    apple = 2
    def mango(self):
        pass
print(order)

