// bytes_export.h — Coil's buffer protocol: how the runtime sees the raw bytes of bytes-like
// objects (bytes, bytearray, memoryview, and exporters defined outside the runtime such as
// array.array), and the export bookkeeping that forbids resizing an exporter while a
// memoryview (or an re scanner) holds its buffer.
//
// CPython counts exports in the exporter and decrements the count when the holder is
// released or freed by its refcount. Coil has no refcounts: a holder that dies unreleased is
// only noticed when the collector sweeps it. So the count lives in an ExportCount in malloc
// memory, shared by the exporter and its holders (the native finalizers of either side may
// run first), and a resize that finds exports runs a collection before it gives up with
// BufferError, so dead-but-uncollected holders do not block it.
#pragma once

#include <cstdint>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct ExportCount {
  int64_t exports = 0;  // holders that have not released the buffer
  int64_t refs = 0;     // the exporter plus holders not yet finalized
};

// One exporter's bytes as seen right now.
struct BufferInfo {
  char* data = nullptr;           // never null (points at a NUL byte when empty)
  int64_t len = 0;                // in bytes
  bool readonly = true;
  char format = 'B';              // struct-module item format
  ExportCount** exports = nullptr;  // the exporter's bookkeeping slot; null: it never resizes
  Value owner;                    // the object that owns the bytes (a memoryview's exporter)
};

struct BytesExporter {
  // Fills `out` when `v` is this exporter's object (false, no exception, otherwise).
  bool (*info)(Value v, BufferInfo* out);
};

void set_bytes_exporter(const BytesExporter* exporter);

// The bytes of any bytes-like object, contiguous memoryviews included; false (no exception)
// when `v` is not one. The view is valid until Python code runs.
bool get_buffer_info(Value v, BufferInfo* out);
// A memoryview's part of get_buffer_info (memoryview.cpp): false with ValueError when it is
// released, or BufferError when it is not contiguous.
bool memoryview_buffer_info(Value v, BufferInfo* out);
// get_buffer_info's bytes only.
bool buffer_view(Value v, std::string_view* out);
// The item format of a bytes-like object: 'B' unless its exporter says otherwise.
char bytes_export_format(Value v);

// Registers one more holder of the buffer whose bookkeeping is *slot (creating it); the
// holder keeps the returned pointer and later calls export_release then export_drop.
ExportCount* export_acquire(ExportCount** slot);
// The holder released the buffer (memoryview.release(), or the holder's finalizer).
void export_release(ExportCount* c);
// The holder (or the exporter) is gone: frees the bookkeeping with its last reference.
void export_drop(ExportCount* c);
// The exporter's side: true when its bytes may be resized or moved; otherwise (after a
// collection, which finalizes unreachable holders) false with CPython's BufferError.
bool exports_allow_resize(ExportCount* c);

}  // namespace coil::rt
