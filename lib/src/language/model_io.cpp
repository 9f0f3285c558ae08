#include "model_io.hpp"

#include <cstring>

namespace chronicle::language::detail {

std::uint32_t checksum32(std::string_view bytes) {
  std::uint32_t h = 2166136261u;
  for (char c : bytes) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return h;
}

void Writer::u16(std::uint16_t v) {
  u8(static_cast<std::uint8_t>(v & 0xFF));
  u8(static_cast<std::uint8_t>(v >> 8));
}

void Writer::u32(std::uint32_t v) {
  u16(static_cast<std::uint16_t>(v & 0xFFFF));
  u16(static_cast<std::uint16_t>(v >> 16));
}

void Writer::f32(float v) {
  std::uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  u32(bits);
}

void Writer::short_string(std::string_view s) {
  u8(static_cast<std::uint8_t>(s.size()));
  out_.append(s.substr(0, 255));
}

void Writer::long_string(std::string_view s) {
  u32(static_cast<std::uint32_t>(s.size()));
  out_.append(s);
}

std::string Writer::finish() {
  std::uint32_t sum = checksum32(out_);
  u32(sum);
  return std::move(out_);
}

std::string_view Reader::bytes(std::size_t n) {
  if (!ok_ || bytes_.size() - pos_ < n) {
    ok_ = false;
    return {};
  }
  std::string_view out = bytes_.substr(pos_, n);
  pos_ += n;
  return out;
}

std::uint8_t Reader::u8() {
  std::string_view b = bytes(1);
  return b.empty() ? 0 : static_cast<std::uint8_t>(b[0]);
}

std::uint16_t Reader::u16() {
  std::uint16_t lo = u8();
  std::uint16_t hi = u8();
  return static_cast<std::uint16_t>(lo | (hi << 8));
}

std::uint32_t Reader::u32() {
  std::uint32_t lo = u16();
  std::uint32_t hi = u16();
  return lo | (hi << 16);
}

float Reader::f32() {
  std::uint32_t bits = u32();
  float v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

std::string_view Reader::short_string() { return bytes(u8()); }

std::string_view Reader::long_string() { return bytes(u32()); }

Error Reader::error(std::string_view what) const { return Error{fmt::format("{}: byte {}: {}", name_, pos_, what)}; }

void write_header(Writer& w, std::string_view magic, std::uint32_t version) {
  for (char c : magic) w.u8(static_cast<std::uint8_t>(c));
  w.u32(version);
}

Result<std::string_view> open_model(std::string_view bytes, std::string_view name, std::string_view magic,
                                    std::uint32_t version) {
  if (bytes.size() < magic.size() + 8 || bytes.substr(0, magic.size()) != magic)
    return fail("{}: not a Chronicle model (expected magic \"{}\")", name, magic);
  Reader header(bytes.substr(magic.size()), name);
  std::uint32_t found = header.u32();
  if (found != version) return fail("{}: model format version {}, this build reads version {}", name, found, version);
  std::string_view body = bytes.substr(0, bytes.size() - 4);
  Reader tail(bytes.substr(bytes.size() - 4), name);
  std::uint32_t stored = tail.u32();
  if (stored != checksum32(body))
    return fail("{}: checksum mismatch ({} bytes): the model is truncated or corrupt", name, bytes.size());
  return body.substr(magic.size() + 4);
}

}  // namespace chronicle::language::detail
