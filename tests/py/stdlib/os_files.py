# os and posix on a scratch directory: files, directories, stat, scandir, links, fds.
import os
import stat

base = '/tmp/coil-os-files-%d' % os.getpid()
os.mkdir(base)
os.chdir(base)
print(os.getcwd() == base, os.getcwdb() == os.fsencode(base))

fd = os.open('data.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'hello\nworld\n'), os.get_inheritable(fd))
os.close(fd)
fd = os.open('data.txt', os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.read(fd, 100), os.read(fd, 10))
print(os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3))
st = os.fstat(fd)
os.close(fd)
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_IMODE(st.st_mode) & 0o600 == 0o600, len(st), st[6])
st2 = os.stat('data.txt')
print(st2.st_ino == st.st_ino, isinstance(st2.st_mtime, float), isinstance(st2[8], int),
      st2.st_mtime_ns // 10**9 == st2[8], type(st2).__name__)

os.mkdir('sub')
os.makedirs('sub/a/b')
os.makedirs('sub/a/b', exist_ok=True)
with os.scandir('.') as it:
    entries = sorted(it, key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_file(), e.is_symlink()) for e in entries])
print(repr(entries[0]), entries[0].path, os.fspath(entries[0]), entries[0].stat().st_size)
print(sorted(os.listdir()), sorted(os.listdir(b'.')))

os.symlink('data.txt', 'link')
print(os.readlink('link'), os.path.islink('link'), os.lstat('link').st_size != os.stat('link').st_size)
os.link('data.txt', 'hard')
print(os.stat('hard').st_nlink, os.path.samefile('data.txt', 'hard'))
os.rename('hard', 'renamed')
os.replace('renamed', 'replaced')
print(sorted(os.listdir()))

os.chmod('data.txt', 0o600)
print(oct(stat.S_IMODE(os.stat('data.txt').st_mode)), os.access('data.txt', os.R_OK), os.access('nope', os.F_OK))
os.utime('data.txt', (1000000000, 1000000000.5))
st = os.stat('data.txt')
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime('data.txt', ns=(5, 1234567890123456789))
print(os.stat('data.txt').st_mtime_ns, os.stat('data.txt').st_atime_ns)
os.truncate('data.txt', 3)
print(os.stat('data.txt').st_size)

r, w = os.pipe()
os.write(w, b'through the pipe')
os.close(w)
print(os.read(r, 100), os.read(r, 100), os.get_inheritable(r))
d = os.dup(r)
print(d != r, os.get_blocking(d))
os.set_blocking(d, False)
print(os.get_blocking(d))
os.set_inheritable(d, True)
print(os.get_inheritable(d))
os.close(d)
os.close(r)
print(os.isatty(r + 1000) if False else 'isatty ok', os.device_encoding(r + 1000))

for name in ['link', 'replaced', 'data.txt']:
    os.unlink(name)
os.removedirs('sub/a/b')
os.chdir('/')
os.rmdir(base)
print(os.path.exists(base))
