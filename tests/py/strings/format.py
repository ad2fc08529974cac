# str.format and format_map: positional/keyword/auto fields, attributes, items, conversions, nesting


class P:
    x = 'px'
    items = ['i0', 'i1']


print('{} {} {}'.format('a', 'b', 'c'), '{2}{1}{0}'.format('a', 'b', 'c'), '{n}-{n}'.format(n='k'))
print('{0.x} {0.items[1]} {d[key]} {d[0]}'.format(P(), d={'key': 'v', 0: 'zero'}))
print('{!r} {!s} {!a}'.format('é', 'é', 'é'), '{0!r:>6}|'.format('x'))
print('{:<6}|{:>6}|{:^6}|{:*^7}|{:é>4}'.format('ab', 'ab', 'ab', 'ab', 'ab'))
print('{:.2}|{:6.2}|{:^5.1}|{:s}'.format('abcdef', 'abcdef', 'xyz', 'str'))
print('{:{w}}|{:{}{}}'.format('a', 'b', '>', 3, w=4), '{0:{1}}'.format('b', 3))
print('{{}} {{{}}} }}{{'.format('in'))
print('{name} is {age}'.format_map({'name': 'Ann', 'age': '7'}))


class Default:
    def __getitem__(self, key):
        return 'A' if key == 'a' else '<' + key + '>'


print('{a} {b}'.format_map(Default()))
print('{0[0]}{0[1]}'.format('xy'), '{[1]}'.format(['p', 'q']), '{.__class__.__name__}'.format('s'))
print('x'.__format__(''), 'x'.__format__('>3'), repr('é'.__format__('^5')))
print(f'{"a":>3}|{"bc"!r}|{"é":*<4}')
