// Fuzzes the segmenter: spans stay inside the input, in order, tokens inside their sentence.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chronicle/segment/segmenter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t last_end = 0;
  for (const auto& sentence : chronicle::segment::segment(text, {0, size})) {
    if (sentence.span.begin < last_end || sentence.span.end > size || sentence.span.empty()) std::abort();
    last_end = sentence.span.end;
    for (const auto& token : sentence.tokens)
      if (!sentence.span.contains(token.span) || token.span.empty()) std::abort();
  }
  return 0;
}
