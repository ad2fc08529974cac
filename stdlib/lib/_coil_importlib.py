"""Coil's adaptation of CPython's import machinery (Coil's own module, not CPython's).

Coil runs CPython 3.11's importlib._bootstrap and _bootstrap_external unchanged: the
runtime loads them from the host library as _frozen_importlib and
_frozen_importlib_external (the names CPython freezes them under) and calls
_install() here before the path-based finder goes live. What is adapted:

- SourceLoader.get_code compiles source with Coil's compiler (compile()) and keeps no
  bytecode cache: Coil's code objects are not marshalled, so nothing under __pycache__
  is read or written, and CPython's .pyc files are never touched.
- Sourceless loading is off (the file loaders are extension and source loaders only): a
  lone .pyc holds CPython bytecode. _imp.extension_suffixes() is empty, so CPython's .so
  modules are not found either. Cache paths (__cached__) use Coil's cache_tag.
- Modules Coil loaded from source before the machinery existed get specs and loaders.
- The standard-library modules CPython 3.11 freezes keep their real files and loaders,
  but their code is named "<frozen NAME>" as in CPython, so tracebacks and warnings
  read the same.
"""
import _imp
import sys

# CPython 3.11's frozen standard-library modules (_imp._frozen_module_names()).
_FROZEN_STDLIB = frozenset({
    '_collections_abc', '_sitebuiltins', 'abc', 'codecs', 'genericpath', 'importlib.machinery',
    'importlib.util', 'io', 'ntpath', 'os', 'posixpath', 'runpy', 'site', 'stat', 'zipimport',
})
_stdlib_dir = None


def _source_get_code(self, fullname):
    """Compile the module's source with Coil's compiler (no bytecode cache)."""
    source_path = self.get_filename(fullname)
    source_bytes = self.get_data(source_path)
    code_path = source_path
    if fullname in _FROZEN_STDLIB and _stdlib_dir is not None:
        if source_path.rpartition('/')[0].startswith(_stdlib_dir):
            code_path = '<frozen ' + fullname + '>'
    return self.source_to_code(source_bytes, code_path)


def _install(bootstrap, external, stdlib_dir):
    global _stdlib_dir
    _stdlib_dir = stdlib_dir
    external.SourceLoader.get_code = _source_get_code

    def _get_supported_file_loaders():
        """Returns the file-based loaders Coil can use: no sourceless (.pyc) loader."""
        return [(external.ExtensionFileLoader, _imp.extension_suffixes()),
                (external.SourceFileLoader, external.SOURCE_SUFFIXES)]
    external._get_supported_file_loaders = _get_supported_file_loaders
    bootstrap._install_external_importers()
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
