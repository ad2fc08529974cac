// module_table.cpp — the native modules built into Coil, by name (one row per module; the
// definitions live in one file per module).
#include <cstring>

#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::lib {
extern const rt::NativeModuleDef kBuiltinsModule;
extern const rt::NativeModuleDef kSysModule;
extern const rt::NativeModuleDef kTimeModule;
extern const rt::NativeModuleDef kGcModule;
extern const rt::NativeModuleDef kMathModule;
extern const rt::NativeModuleDef kWeakrefModule;
extern const rt::NativeModuleDef kItertoolsModule;
extern const rt::NativeModuleDef kCollectionsModule;
extern const rt::NativeModuleDef kStringModule;
extern const rt::NativeModuleDef kFunctoolsModule;
extern const rt::NativeModuleDef kJsonModule;
extern const rt::NativeModuleDef kPosixModule;
extern const rt::NativeModuleDef kErrnoModule;
extern const rt::NativeModuleDef kFaulthandlerModule;
extern const rt::NativeModuleDef kImpModule;
extern const rt::NativeModuleDef kMarshalModule;
extern const rt::NativeModuleDef kSreModule;
extern const rt::NativeModuleDef kStructModule;
extern const rt::NativeModuleDef kBinasciiModule;
extern const rt::NativeModuleDef kArrayModule;
extern const rt::NativeModuleDef kWarningsModule;
extern const rt::NativeModuleDef kThreadModule;
extern const rt::NativeModuleDef kAtexitModule;
extern const rt::NativeModuleDef kContextvarsModule;
extern const rt::NativeModuleDef kSignalModule;
extern const rt::NativeModuleDef kSelectModule;
namespace sock {
extern const rt::NativeModuleDef kSocketModule;
}
extern const rt::NativeModuleDef kPosixSubprocessModule;
extern const rt::NativeModuleDef kIOModule;
extern const rt::NativeModuleDef kCodecsModule;
extern const rt::NativeModuleDef kLocaleModule;
extern const rt::NativeModuleDef kAstModule;
extern const rt::NativeModuleDef kRandomModule;
extern const rt::NativeModuleDef kUnicodedataModule;
extern const rt::NativeModuleDef kOperatorModule;
extern const rt::NativeModuleDef kAbcModule;
extern const rt::NativeModuleDef kCsvModule;
extern const rt::NativeModuleDef kHeapqModule;
extern const rt::NativeModuleDef kBisectModule;
extern const rt::NativeModuleDef kMultiprocessingModule;
extern const rt::NativeModuleDef kMd5Module, kSha1Module, kSha256Module, kSha512Module, kSha3Module, kBlake2Module;

namespace {
const rt::NativeModuleDef* const kModules[] = {
    &kBuiltinsModule,
    &kSysModule,
    &kTimeModule,
    &kGcModule,
    &kMathModule,
    &kWeakrefModule,
    &kItertoolsModule,
    &kCollectionsModule,
    &kStringModule,
    &kFunctoolsModule,
    &kJsonModule,
    &kPosixModule,
    &kErrnoModule,
    &kFaulthandlerModule,
    &kImpModule,
    &kMarshalModule,
    &kSreModule,
    &kStructModule,
    &kBinasciiModule,
    &kArrayModule,
    &kWarningsModule,
    &kThreadModule,
    &kAtexitModule,
    &kContextvarsModule,
    &kSignalModule,
    &kSelectModule,
    &sock::kSocketModule,
    &kPosixSubprocessModule,
    &kIOModule,
    &kCodecsModule,
    &kLocaleModule,
    &kAstModule,
    &kRandomModule,
    &kUnicodedataModule,
    &kOperatorModule,
    &kAbcModule,
    &kCsvModule,
    &kHeapqModule,
    &kBisectModule,
    &kMultiprocessingModule,
    &kMd5Module,
    &kSha1Module,
    &kSha256Module,
    &kSha512Module,
    &kSha3Module,
    &kBlake2Module,
};
}  // namespace

rt::TupleObject* builtin_module_names() {
  rt::TupleObject* t = rt::new_tuple(std::size(kModules));
  if (!t) return nullptr;
  for (size_t i = 0; i < std::size(kModules); ++i) t->items[i] = rt::str_value(kModules[i]->name);
  return t;
}
}  // namespace coil::lib

namespace coil::rt {
const NativeModuleDef* find_native_module(std::string_view name) {
  for (const NativeModuleDef* m : lib::kModules)
    if (name == m->name) return m;
  return nullptr;
}
}  // namespace coil::rt
