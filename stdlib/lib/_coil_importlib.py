"""Coil's adaptation of CPython's import machinery (Coil's own module, not CPython's).

Coil runs CPython 3.11's importlib._bootstrap and _bootstrap_external unchanged: the
runtime loads them from the host library as _frozen_importlib and
_frozen_importlib_external (the names CPython freezes them under) and calls
_install() here before the path-based finder goes live. What is adapted:

- SourceLoader.get_code compiles source with Coil's compiler (compile()) and keeps its
  own bytecode cache: __pycache__/NAME.coil-311.pyc (Coil's cache_tag, so CPython's .pyc
  files are never read or written), holding a header that names the Coil binary that
  wrote it (the cache of another build is recompiled) and the source's mtime and size,
  then marshal's Coil code object (verified when loaded). Any problem reading the cache
  means a recompile; -B / PYTHONDONTWRITEBYTECODE stop the writing.
- Sourceless loading is off (the file loaders are extension and source loaders only): a
  lone .pyc holds CPython bytecode. _imp.extension_suffixes() is empty, so CPython's .so
  modules are not found either. Cache paths (__cached__) use Coil's cache_tag.
- Modules Coil loaded from source before the machinery existed get specs and loaders.
- MAGIC_NUMBER (the .pyc header) is Coil's own, so a CPython .pyc met anywhere (in a zip
  file for zipimport, by py_compile's readers) is refused as "bad magic number".
- zipimport's path hook comes first on sys.path_hooks, as in CPython.
- The standard-library modules CPython 3.11 freezes keep their real files and loaders,
  but their code is named "<frozen NAME>" as in CPython, so tracebacks and warnings
  read the same.
"""
import _imp
import marshal
import posix
import sys

_code_type = type((lambda: None).__code__)

# CPython 3.11's frozen standard-library modules (_imp._frozen_module_names()).
_FROZEN_STDLIB = frozenset({
    '_collections_abc', '_sitebuiltins', 'abc', 'codecs', 'genericpath', 'importlib.machinery',
    'importlib.util', 'io', 'ntpath', 'os', 'posixpath', 'runpy', 'site', 'stat', 'zipimport',
})
_stdlib_dir = None
_external = None
_CACHE_MAGIC = b'COIL'
# Coil's .pyc magic: outside the numbers CPython has used (3000-3600).
_COIL_MAGIC_NUMBER = (31745).to_bytes(2, 'little') + b'\r\n'
_build_stamp = None


def _binary_stamp():
    """The running Coil binary's mtime and size: a rebuilt Coil ignores older caches."""
    global _build_stamp
    if _build_stamp is None:
        st = posix.stat('/proc/self/exe')
        _build_stamp = (_CACHE_MAGIC + st.st_mtime_ns.to_bytes(8, 'little')
                        + st.st_size.to_bytes(8, 'little'))
    return _build_stamp


def _cache_header(source_mtime, source_size):
    return (_binary_stamp() + (source_mtime & 0xFFFFFFFF).to_bytes(4, 'little')
            + (source_size & 0xFFFFFFFF).to_bytes(4, 'little'))


def _source_get_code(self, fullname):
    """Compile the module's source with Coil's compiler, through Coil's bytecode cache."""
    source_path = self.get_filename(fullname)
    code_path = source_path
    if fullname in _FROZEN_STDLIB and _stdlib_dir is not None:
        if source_path.rpartition('/')[0].startswith(_stdlib_dir):
            code_path = '<frozen ' + fullname + '>'
    header = bytecode_path = None
    try:
        bytecode_path = _external.cache_from_source(source_path)
        st = self.path_stats(source_path)
        header = _cache_header(int(st['mtime']), st.get('size', 0))
    except (NotImplementedError, OSError):
        pass
    if header is not None:
        try:
            data = self.get_data(bytecode_path)
        except OSError:
            data = None
        if data is not None and data[:len(header)] == header:
            try:
                code = marshal.loads(data[len(header):])
            except (ValueError, EOFError, TypeError):
                code = None
            if type(code) is _code_type and code.co_filename == code_path:
                return code
    source_bytes = self.get_data(source_path)
    code = self.source_to_code(source_bytes, code_path)
    if header is not None and not sys.dont_write_bytecode:
        if header[-4:] == (len(source_bytes) & 0xFFFFFFFF).to_bytes(4, 'little'):
            try:
                data = header + marshal.dumps(code)
                self._cache_bytecode(source_path, bytecode_path, data)
            except (NotImplementedError, ValueError, OSError):
                pass
    return code


def _install(bootstrap, external, stdlib_dir):
    global _stdlib_dir, _external
    _stdlib_dir = stdlib_dir
    _external = external
    external.SourceLoader.get_code = _source_get_code

    def _get_supported_file_loaders():
        """Returns the file-based loaders Coil can use: no sourceless (.pyc) loader."""
        return [(external.ExtensionFileLoader, _imp.extension_suffixes()),
                (external.SourceFileLoader, external.SOURCE_SUFFIXES)]
    external._get_supported_file_loaders = _get_supported_file_loaders
    external.MAGIC_NUMBER = _COIL_MAGIC_NUMBER
    external._RAW_MAGIC_NUMBER = int.from_bytes(_COIL_MAGIC_NUMBER, 'little')
    bootstrap._install_external_importers()
    try:
        zipimport = bootstrap._gcd_import('zipimport')
    except ImportError:
        pass
    else:
        sys.path_hooks.insert(0, zipimport.zipimporter)
    module_type = type(sys)
    for name, module in list(sys.modules.items()):
        if not isinstance(module, module_type) or getattr(module, '__spec__', None) is not None:
            continue
        file = getattr(module, '__file__', None)
        if not isinstance(file, str):
            continue
        spec = external.spec_from_file_location(name, file)
        if spec is not None:
            bootstrap._init_module_attrs(spec, module, override=True)
