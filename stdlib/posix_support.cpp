// posix_support.cpp — argument conversion and errors shared by the posix module's files.
#include "stdlib/posix_support.h"

#include <cerrno>
#include <climits>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/os_error.h"
#include "runtime/str.h"

namespace coil::lib::posix {

using namespace coil::rt;

Value fspath(Value v) {
  if (is_str(v) || is_bytes(v)) return v;
  Value m = lookup_special(v, names::dunder_fspath);
  if (m.is_empty_slot()) {
    if (has_pending_exception()) return Value();
    return raise_fmt(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", type_name(v));
  }
  Value r = call1(m, v);  // lookup_special gives the unbound method
  if (r.is_empty_slot()) return r;
  if (!is_str(r) && !is_bytes(r))
    return raise_fmt(TypeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v),
                     type_name(r));
  return r;
}

namespace {

const char* allowed_kinds(PathKind kind) {
  switch (kind) {
    case PathKind::Plain: return "string, bytes or os.PathLike";
    case PathKind::AllowFd: return "string, bytes, os.PathLike or integer";
    case PathKind::Nullable: return "string, bytes, os.PathLike or None";
    case PathKind::NullableFd: return "string, bytes, os.PathLike, integer or None";
  }
  return "";
}

}  // namespace

bool path_arg(const char* fname, const char* argname, Value v, PathKind kind, PathArg* out) {
  bool nullable = kind == PathKind::Nullable || kind == PathKind::NullableFd;
  bool allow_fd = kind == PathKind::AllowFd || kind == PathKind::NullableFd;
  if (v.is_empty_slot() || (v == None && nullable)) {
    out->object = None;
    out->path = ".";
    out->given = false;
    return true;
  }
  out->given = true;
  if (allow_fd && is_int(v)) {
    int64_t fd;
    bool overflow = false;
    if (!as_int64(v, &fd, &overflow)) return false;
    if (overflow || fd > INT_MAX || fd < INT_MIN) {
      raise_msg(OverflowErrorType, fd < 0 ? "fd is less than minimum" : "fd is greater than maximum");
      return false;
    }
    out->fd = static_cast<int>(fd);
    out->is_fd = true;
    out->object = v;
    return true;
  }
  Value p = v;
  if (!is_str(v) && !is_bytes(v)) {
    Value m = lookup_special(v, names::dunder_fspath);
    if (m.is_empty_slot()) {
      if (has_pending_exception()) return false;
      raise_fmt(TypeErrorType, "%s: %s should be %s, not %s", fname, argname, allowed_kinds(kind), type_name(v));
      return false;
    }
    p = call1(m, v);
    if (p.is_empty_slot()) return false;
    if (!is_str(p) && !is_bytes(p)) {
      raise_fmt(TypeErrorType, "expected %s.__fspath__() to return str or bytes, not %s", type_name(v), type_name(p));
      return false;
    }
  }
  if (is_str(p)) {
    StrObject* s = as_str(p);
    if (s->is_ascii()) {
      out->path.assign(s->view());
    } else {
      Value b = codec_encode(s, "utf-8", "surrogateescape");
      if (b.is_empty_slot()) return false;
      out->path.assign(as_bytes(b)->view());
    }
    if (out->path.find('\0') != std::string::npos) {
      raise_msg(ValueErrorType, "embedded null byte");
      return false;
    }
  } else {
    out->path.assign(as_bytes(p)->view());
    out->is_bytes = true;
    if (out->path.find('\0') != std::string::npos) {
      raise_fmt(ValueErrorType, "%s: embedded null character in %s", fname, argname);
      return false;
    }
  }
  out->object = p;
  return true;
}

Value fs_name(std::string_view name, bool as_bytes) {
  if (as_bytes) return bytes_value(name);
  for (unsigned char c : name)
    if (c >= 0x80) return codec_decode(name, "utf-8", "surrogateescape");
  return str_value(name);
}

bool int_arg(Value v, int* out) {
  if (is_float(v)) {
    raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    return false;
  }
  int64_t n;
  bool overflow = false;
  if (!as_int64(v, &n, &overflow)) return false;
  if (overflow || n > INT_MAX || n < INT_MIN) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

bool fd_arg(Value v, int* fd) { return int_arg(v, fd); }

Value path_error(const PathArg& p) { return rt::raise_errno(p.given ? p.object : Value()); }

Value path_error2(const PathArg& a, const PathArg& b) { return rt::raise_errno(a.object, b.object); }

}  // namespace coil::lib::posix
