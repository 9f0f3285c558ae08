// Fuzzes every reader on arbitrary bytes: none may crash, hang, or return offsets outside the
// input; the first byte chooses the reader.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "chronicle/ingest/dct_inference.hpp"
#include "chronicle/ingest/reader.hpp"
#include "chronicle/ingest/timeml.hpp"

using namespace chronicle;
using namespace chronicle::ingest;

namespace {

void check(const Result<Document>& doc) {
  if (!doc) return;
  if (doc->body.end > doc->text.size() || doc->body.begin > doc->body.end) std::abort();
  TextSpan raw = doc->to_raw(doc->body);
  if (raw.begin > raw.end || raw.end > doc->original().size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0: check(read_text("fuzz.txt", bytes)); break;
    case 1: check(read_json_record("fuzz.jsonl", 1, bytes)); break;
    case 2: check(read_timeml("fuzz.tml", bytes)); break;
    case 3: check(read_html("fuzz.html", bytes)); break;
    default: {
      auto found = infer_dct(bytes);
      if (found && (found->evidence.end > bytes.size() || !found->day.ok())) std::abort();
    }
  }
  return 0;
}
