# tempfile: named and anonymous temporary files and directories, cleaned up.
import os
import shutil
import tempfile

base = tempfile.mkdtemp(prefix='coil-tf-')
print(os.path.isdir(base), os.path.basename(base).startswith('coil-tf-'))
with tempfile.NamedTemporaryFile('w+', dir=base, suffix='.tmp', delete=True) as t:
    t.write('temporary')
    t.seek(0)
    print(t.read(), os.path.dirname(t.name) == base, t.name.endswith('.tmp'))
print(os.path.exists(t.name))
with tempfile.TemporaryDirectory(dir=base) as d:
    print(os.path.isdir(d))
print(os.path.exists(d))
fd, name = tempfile.mkstemp(dir=base)
os.write(fd, b'x')
os.close(fd)
print(os.path.getsize(name), tempfile.gettempdir() != '')
shutil.rmtree(base)
print(os.path.exists(base))
