// io_cookie.cpp — TextIOWrapper.tell() cookies computed the way CPython computes them: from
// the snapshot of the current chunk, re-decoding its bytes with a model of CPython's decoder
// stack (incremental UTF-8/Latin-1/ASCII decoder under an IncrementalNewlineDecoder) to find
// the last "safe start point" before the read position. Where the newline decoder holds a
// '\r' at that point, the cookie packs the decoder flags, bytes to feed and chars to skip.
#include "runtime/bigint.h"
#include "runtime/int.h"
#include "stdlib/io_internal.h"

namespace coil::lib::io {

using namespace coil::rt;

namespace {

// CPython's decoder stack for one native codec, counting the characters it outputs.
struct DecoderModel {
  int codec;          // 1 utf-8, 2 latin-1, 3 ascii (TextIOObject::native_codec)
  bool translate;
  bool pendingcr = false;
  std::string buf;    // incomplete UTF-8 sequence held by the inner decoder

  void setstate(bool flags) {
    buf.clear();
    pendingcr = flags;
  }

  // decode(input, final) of the newline decoder: the number of characters it returns.
  int64_t decode(std::string_view input, bool final) {
    std::string data = buf + std::string(input);
    size_t keep = data.size();
    if (codec == 1 && !final) {
      keep = data.size();
      for (size_t back = 1; back <= 3 && back <= data.size(); ++back) {
        unsigned char c = static_cast<unsigned char>(data[data.size() - back]);
        if ((c & 0xC0) == 0x80) continue;
        size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (need > back) keep = data.size() - back;
        break;
      }
    }
    buf.assign(data, keep, std::string::npos);
    data.resize(keep);
    // Characters of the inner decoder's output (UTF-8 lead bytes, or bytes).
    std::string out;
    if (pendingcr && (!data.empty() || final)) {
      out.push_back('\r');
      pendingcr = false;
    }
    out += data;
    if (!final && !out.empty() && out.back() == '\r') {
      out.pop_back();
      pendingcr = true;
    }
    int64_t n = 0;
    for (size_t i = 0; i < out.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(out[i]);
      if (codec == 1 && (c & 0xC0) == 0x80) continue;
      if (translate && c == '\r' && i + 1 < out.size() && out[i + 1] == '\n') continue;  // "\r\n" -> one
      ++n;
    }
    return n;
  }
};

Value build_cookie(uint64_t start, uint64_t flags, uint64_t to_feed, uint64_t to_skip, uint64_t need_eof) {
  if (flags == 0 && to_feed == 0 && to_skip == 0 && need_eof == 0) return int_from_int64(static_cast<int64_t>(start));
  uint64_t limbs[3] = {start, flags | (to_feed << 32), to_skip | (need_eof << 32)};
  return int_from_bigint(BigInt::from_limbs(limbs, 3, false));
}

}  // namespace

Value cpython_cookie(TextIOObject* t, int64_t chars_used) {
  uint64_t start = static_cast<uint64_t>(t->cp_start), flags = t->cp_flags, to_feed = 0, need_eof = 0;
  if (chars_used == 0) return build_cookie(start, flags, 0, 0, 0);
  const std::string& input = *t->cp_input;
  DecoderModel dec{t->native_codec, t->readtranslate};
  int64_t to_skip = chars_used;
  // Fast search for a start point close to the position (CPython's heuristic).
  int64_t skip_bytes = static_cast<int64_t>(t->cp_ratio * static_cast<double>(to_skip));
  int64_t skip_back = 1;
  while (skip_bytes > 0) {
    dec.setstate(flags);
    int64_t n = dec.decode(std::string_view(input).substr(0, static_cast<size_t>(skip_bytes)), false);
    if (n <= to_skip) {
      if (dec.buf.empty()) {
        flags = dec.pendingcr;
        to_skip -= n;
        break;
      }
      skip_bytes -= static_cast<int64_t>(dec.buf.size());
      skip_back = 1;
    } else {
      skip_bytes -= skip_back;
      skip_back *= 2;
    }
  }
  if (skip_bytes <= 0) {
    skip_bytes = 0;
    dec.setstate(flags);
  }
  start += static_cast<uint64_t>(skip_bytes);
  if (to_skip == 0) return build_cookie(start, flags, 0, 0, 0);
  // Feed one byte at a time, noting the last point where the decoder holds no bytes.
  int64_t decoded = 0;
  size_t i = static_cast<size_t>(skip_bytes);
  for (; i < input.size(); ++i) {
    decoded += dec.decode(std::string_view(input).substr(i, 1), false);
    ++to_feed;
    if (dec.buf.empty() && decoded <= to_skip) {
      start += to_feed;
      to_skip -= decoded;
      flags = dec.pendingcr;
      to_feed = 0;
      decoded = 0;
    }
    if (decoded >= to_skip) break;
  }
  if (i >= input.size()) {
    decoded += dec.decode("", true);
    need_eof = 1;
    if (decoded < to_skip) return raise_msg(OSErrorType, "can't reconstruct logical file position");
  }
  return build_cookie(start, flags, to_feed, static_cast<uint64_t>(to_skip), need_eof);
}

bool parse_cookie(Value cookie, uint64_t fields[5]) {
  BigInt b = int_to_bigint(cookie);
  uint64_t limbs[4] = {0, 0, 0, 0};
  if (b.limb_count() > 3) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C long");
    return false;
  }
  b.copy_limbs(limbs);
  fields[0] = limbs[0];
  fields[1] = limbs[1] & 0xFFFFFFFFu;
  fields[2] = limbs[1] >> 32;
  fields[3] = limbs[2] & 0xFFFFFFFFu;
  fields[4] = (limbs[2] >> 32) & 0xFF;
  return true;
}

}  // namespace coil::lib::io
