#pragma once
// Little-endian binary reading and writing for the language models, with a trailing FNV-1a
// checksum so a truncated or corrupted model fails to load with a clear message instead of
// tagging garbage.

#include <cstdint>
#include <string>
#include <string_view>

#include "chronicle/core/result.hpp"

namespace chronicle::language::detail {

/// FNV-1a over `bytes`, 32 bits.
std::uint32_t checksum32(std::string_view bytes);

/// Appends little-endian values to a byte string.
class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u16(std::uint16_t v);
  void u32(std::uint32_t v);
  void i16(std::int16_t v) { u16(static_cast<std::uint16_t>(v)); }
  void f32(float v);
  /// A string of at most 255 bytes, length-prefixed.
  void short_string(std::string_view s);
  /// A string of any length, 32-bit length-prefixed.
  void long_string(std::string_view s);
  /// The bytes written so far followed by their checksum.
  std::string finish();

 private:
  std::string out_;
};

/// Reads little-endian values; the first read past the end sets an error and returns zeros.
class Reader {
 public:
  Reader(std::string_view bytes, std::string_view name) : bytes_(bytes), name_(name) {}
  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  std::int16_t i16() { return static_cast<std::int16_t>(u16()); }
  float f32();
  std::string_view short_string();
  std::string_view long_string();
  /// Raw bytes.
  std::string_view bytes(std::size_t n);
  /// True while every read stayed inside the data.
  bool ok() const { return ok_; }
  std::size_t offset() const { return pos_; }
  /// "<name>: byte <offset>: <what>" as an Error.
  Error error(std::string_view what) const;

 private:
  std::string_view bytes_;
  std::string_view name_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

/// Checks the magic, version and trailing checksum of a model; returns the payload between the
/// header and the checksum.
Result<std::string_view> open_model(std::string_view bytes, std::string_view name, std::string_view magic,
                                    std::uint32_t version);

/// Writes the magic and version a model starts with.
void write_header(Writer& w, std::string_view magic, std::uint32_t version);

}  // namespace chronicle::language::detail
