# types.GenericAlias and types.UnionType: parameters, substitution, unpacking, repr, equality,
# isinstance refusals, | with aliases, __orig_class__, attribute forwarding. A minimal type
# variable stands in for typing.TypeVar (typing is too heavy for the GC-stress run).
import types


class TV:
    def __init__(self, name):
        self.__name__ = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~" + self.__name__


T, S = TV("T"), TV("S")
print(list[T], list[T].__parameters__, list[T][int], dict[T, list[S]][str, int], dict[str, T][int])
print(dict[T, list[S]].__parameters__, dict[T, T].__parameters__, list[int].__parameters__)
print(*tuple[int, ...], list(iter(tuple[int])), tuple[int, *tuple[str, ...]])
x = [*tuple[int, str]]
print(x, x[0].__unpacked__, x[0].__typing_unpacked_tuple_args__, tuple[int].__unpacked__,
      tuple[int].__typing_unpacked_tuple_args__)
print(tuple[T, *tuple[int, str]].__args__, tuple[T][*tuple[int]])
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]), list[int] == list,
      x[0] == tuple[int, str])
print(list[int] | None, int | list[str], (int | list[T])[str], (int | list[T]).__parameters__, (int | str) == (str | int))
print(hash(int | str) == hash(str | int), list[int].__module__, (int | str).__module__, list[int] | list[int])
for bad in (lambda: list[int][str], lambda: dict[T, S][int], lambda: dict[T, S][int, str, float],
            lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: types.UnionType(),
            lambda: types.GenericAlias(list)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(isinstance(3, int | str), issubclass(bool, int | None), isinstance(None, int | None),
      isinstance("s", (list, int | str)))


class G:
    pass


g = types.GenericAlias(G, (int,))()
print(g.__orig_class__, type(list[int]()).__name__, list[int]("ab"))
print(repr(list[int]), repr(dict[str, ...]), list[()], tuple[()], type(list[int]), list[int].__origin__,
      list[int].__args__)
print("__origin__" in dir(list[int]), "append" in dir(list[int]), list[int].append is list.append)
print(types.GenericAlias(list, int), types.GenericAlias(list, (int, str)), list[int].__reduce__())


class MyAlias(types.GenericAlias):
    pass


print(type(MyAlias(list, (T,))[int]).__name__, MyAlias(list, int) == list[int])
try:
    class A(int | str):
        pass
except TypeError as e:
    print(e)


# __call__ found on the type is bound like any attribute: a class stored there is called as is.
class Meta(type):
    __call__ = dict


class Made(metaclass=Meta):
    pass


print(Made(a=1), type(Made(b=2)).__name__)


class Callable:
    __call__ = staticmethod(lambda *a: a)


print(Callable()(1, 2))


# __mro_entries__ is an ordinary attribute: a function can carry one (typing.TypedDict does).
class Base:
    pass


def factory():
    pass


factory.__mro_entries__ = lambda bases: (Base,)


class Derived(factory):
    pass


print(Derived.__mro__, Derived.__orig_bases__ == (factory,))
