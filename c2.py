x = '''abc

y