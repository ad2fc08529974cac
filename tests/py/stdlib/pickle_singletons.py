# Ellipsis and NotImplemented pickle and copy by name; None's __bool__.
import pickle, copy
for proto in range(6):
    print(pickle.loads(pickle.dumps(..., proto)) is ..., pickle.loads(pickle.dumps(NotImplemented, proto)) is NotImplemented)
print(Ellipsis.__reduce__(), NotImplemented.__reduce__(), copy.copy(...), copy.deepcopy([..., NotImplemented]), bool(None), None.__bool__())
