f(test, *)
