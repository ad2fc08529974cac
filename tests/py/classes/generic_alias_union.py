# types.GenericAlias and types.UnionType: parameters, substitution, unpacking, repr, equality,
# isinstance refusals, | with aliases, __orig_class__, pickling and copying.
import typing, pickle, copy
from typing import TypeVar, ParamSpec, TypeVarTuple, Unpack
T = TypeVar('T'); S = TypeVar('S'); Ts = TypeVarTuple('Ts'); P = ParamSpec('P')
print(list[T], list[T].__parameters__, list[T][int], dict[T, list[S]][str, int], dict[str, T][int])
print(*tuple[int, ...], list(iter(tuple[int])), tuple[int, *tuple[str, ...]])
x = [*tuple[int, str]]
print(x, x[0].__unpacked__, x[0].__typing_unpacked_tuple_args__, tuple[int].__unpacked__)
print(tuple[*Ts][int, str], tuple[T, *Ts][int, str, float], tuple[int, *Ts].__parameters__)
print(list[int] == list[int], list[int] != list[str], hash(list[int]) == hash(list[int]), list[int] == list)
print(list[int] | None, int | list[str], (int | list[T])[str], (int | T).__parameters__, (int|str) == (str|int))
print(hash(int | str) == hash(str | int), list[int].__module__, list[int].__name__ if hasattr(list[int], '__name__') else '-')
try: list[int][str]
except TypeError as e: print(e)
try: dict[T, S][int]
except TypeError as e: print(e)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
print(isinstance(3, int | str), issubclass(bool, int | None), isinstance(None, int | None))
class G(typing.Generic[T]): pass
g = G[int]()
print(g.__orig_class__, type(list[int]()).__name__)
print(pickle.loads(pickle.dumps(list[int])), copy.copy(dict[str, int]), copy.deepcopy(list[T]))
print(repr(list[int]), repr(dict[str, ...]), list[()], tuple[()], type(list[int]))
print('__origin__' in dir(list[int]), 'append' in dir(list[int]))
import types
print(types.GenericAlias(list, int), types.GenericAlias(list, (int, str)))
class MyAlias(types.GenericAlias): pass
print(type(MyAlias(list, int)[()] if False else MyAlias(list, (T,))[int]).__name__)
print(typing.get_args(list[int]), typing.get_origin(list[int]))
try:
    class A(int|str): pass
except TypeError as e: print(e)


# __call__ found on the type is bound like any attribute: a class stored there is called as is.
class Meta(type):
    __call__ = dict


class Made(metaclass=Meta):
    pass


print(Made(a=1), type(Made(b=2)).__name__)


class Callable:
    __call__ = staticmethod(lambda *a: a)


print(Callable()(1, 2))
