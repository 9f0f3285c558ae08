// libFuzzer target: the temporal tagger on arbitrary bytes, with and without a DCT. It must not
// crash, must return spans inside the input in order and non-overlapping, must stay bounded, and
// must find the same with the prefilter as without it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chronicle/temporal/tagger.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const chronicle::temporal::Tagger& tagger = chronicle::temporal::default_tagger();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  chronicle::temporal::TagOptions options;
  if (size % 2 == 0) options.dct = date::year{2015} / 12 / 15;
  const auto found = tagger.tag(text, chronicle::TextSpan{0, text.size()}, options);
  std::size_t last_end = 0;
  for (const auto& t : found) {
    if (t.span.begin < last_end || t.span.end > text.size() || t.span.empty() || t.value.value.empty()) std::abort();
    last_end = t.span.end;
  }
  chronicle::temporal::TagOptions whole = options;
  whole.prefilter = false;
  const auto all = tagger.tag(text, chronicle::TextSpan{0, text.size()}, whole);
  if (all.size() != found.size()) std::abort();
  for (std::size_t k = 0; k < all.size(); ++k)
    if (all[k].span != found[k].span || all[k].rule != found[k].rule || all[k].value.value != found[k].value.value ||
        all[k].value.type != found[k].value.type || all[k].value.mod != found[k].value.mod)
      std::abort();
  return 0;
}
