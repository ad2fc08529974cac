# stdin: input_data.txt
# input(): prompts go to stdout, the trailing newline is stripped, EOF raises EOFError.
a = input("name? ")
print()
print("got", repr(a))
b = input()
print("got", repr(b))
try:
    input("more? ")
except EOFError as e:
    print()
    print("EOFError", e)
try:
    input(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    input(prompt="x")
except TypeError as e:
    print("TypeError", e)
