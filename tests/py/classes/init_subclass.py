# __init_subclass__ and __set_name__ (PEP 487).
class Plugin:
    plugins = []
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__ + "_p"
        Plugin.plugins += [cls.plugin_name]

class Alpha(Plugin, name="alpha!"):
    pass
class Beta(Plugin):
    pass
class Gamma(Beta):
    pass
print(Plugin.plugins, Gamma.plugin_name)

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class Bad2(object, x=1):
        pass
except TypeError as e:
    print("TypeError", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)

class Model:
    first = Field()
    second = Field()

m = Model()
print(m.first, Model.first.name)
m.first = 10
print(m.first, m.__dict__)

# __set_name__ is not called for attributes set after class creation
Model.third = Field()
print(hasattr(Model.third, "name"))

# __init_subclass__ is implicitly a classmethod
class Base:
    def __init_subclass__(cls):
        print("init_subclass of", cls.__name__, "from", cls.__mro__[1].__name__)
class Derived(Base):
    pass
class Derived2(Derived):
    pass

# keywords reach the metaclass too
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("meta kw", kw)
        return super().__new__(mcls, name, bases, ns, **kw)
class WithKw(metaclass=Meta):
    def __init_subclass__(cls, **kw):
        print("subclass kw", kw)
class Child(WithKw, flavour="mint"):
    pass
