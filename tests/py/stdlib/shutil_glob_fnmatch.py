# shutil, glob and fnmatch on a scratch tree (deterministic: names sorted, paths shown
# relative to the scratch directory).
import fnmatch
import glob
import os
import shutil

base = '/tmp/coil-sgf-%d' % os.getpid()
os.mkdir(base)


def rel(paths):
    return sorted(os.path.relpath(p, base) for p in paths)


for name in ['a.txt', 'b.py', 'c.txt', 'sub/d.txt', 'sub/e.py', 'sub/deep/f.txt', '.hidden.txt']:
    path = os.path.join(base, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(name * 3)

print(rel(glob.glob(os.path.join(base, '*.txt'))))
print(rel(glob.glob(os.path.join(base, '**', '*.py'), recursive=True)))
print(rel(glob.glob(os.path.join(base, 's?b', '*'))))
print(sorted(glob.glob('*.txt', root_dir=base)), glob.escape('a[b]*?'))
print(fnmatch.fnmatch('x.TXT', '*.txt'), fnmatch.fnmatchcase('x.TXT', '*.txt'))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py'], '*.py'), fnmatch.translate('*.[ch]'))

shutil.copy(os.path.join(base, 'a.txt'), os.path.join(base, 'copy.txt'))
shutil.copy2(os.path.join(base, 'a.txt'), os.path.join(base, 'copy2.txt'))
shutil.copytree(os.path.join(base, 'sub'), os.path.join(base, 'tree'))
print(rel(glob.glob(os.path.join(base, 'tree', '**'), recursive=True)))
shutil.move(os.path.join(base, 'copy.txt'), os.path.join(base, 'moved.txt'))
print(sorted(os.listdir(base)))
with open(os.path.join(base, 'moved.txt')) as f:
    print(f.read())
print(os.stat(os.path.join(base, 'copy2.txt')).st_mtime == os.stat(os.path.join(base, 'a.txt')).st_mtime)
shutil.rmtree(os.path.join(base, 'tree'))
print(os.path.exists(os.path.join(base, 'tree')), shutil.which('sh') is not None)
print(shutil.get_terminal_size((77, 22)) == os.terminal_size((77, 22)) or 'tty')

shutil.rmtree(base)
print(os.path.exists(base))
