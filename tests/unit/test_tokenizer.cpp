// test_tokenizer.cpp — tokenizer unit tests.
#include <doctest/doctest.h>
