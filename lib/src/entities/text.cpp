#include "text.hpp"

namespace chronicle::entities::detail {

namespace {
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string_view strip_possessive(std::string_view word) {
  if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) return word.substr(0, word.size() - 2);
  if (word.size() > 4 && word.ends_with("\xE2\x80\x99s")) return word.substr(0, word.size() - 4);
  return word;
}

void lower_ascii(std::string_view word, std::string& out) {
  out.assign(word);
  for (char& c : out)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
}

void word_shapes(std::string_view word, std::string& shape, std::string& short_shape) {
  shape.clear();
  short_shape.clear();
  for (char c : word) {
    auto b = static_cast<unsigned char>(c);
    if (b >= 0x80 && b < 0xC0) continue;  // UTF-8 continuation byte
    char s = is_upper(c) ? 'X' : is_lower(c) ? 'x' : is_digit(c) ? 'd' : b >= 0xC0 ? 'u' : c;
    if (shape.size() < 12) shape.push_back(s);
    if (short_shape.empty() || short_shape.back() != s) short_shape.push_back(s);
  }
}

CapClass cap_class(std::string_view word) {
  if (word.empty()) return kPunct;
  if (static_cast<unsigned char>(word.front()) >= 0x80) return kOther;
  bool upper = false, lower = false, digit = false;
  for (char c : word) {
    upper |= is_upper(c);
    lower |= is_lower(c);
    digit |= is_digit(c);
  }
  if (!upper && !lower) return digit ? kDigits : kPunct;
  if (is_upper(word.front())) return lower ? kInitCap : kAllCaps;
  if (is_lower(word.front())) return upper ? kMixed : kLower;
  return upper ? (lower ? kMixed : kAllCaps) : kLower;
}

}  // namespace chronicle::entities::detail
