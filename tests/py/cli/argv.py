# args: one two --three
import sys
print(sys.argv[1:], len(sys.argv))
print(sys.implementation.name == "coil" or sys.implementation.name == "cpython")
print(sys.version_info[:2], sys.version_info.major, sys.maxsize)
