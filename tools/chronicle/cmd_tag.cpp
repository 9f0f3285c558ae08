// chronicle tag: the temporal expressions of each document, as JSON Lines, TimeML or text.

#include <algorithm>
#include <cstring>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/core/utf8.hpp"
#include "chronicle/temporal/tagger.hpp"
#include "chronicle/temporal/timeml_writer.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct TagCommandOptions {
  InputOptions input;
  std::string format;
  std::string tense;
};

/// Appends `s` as a JSON string, escaped as nlohmann::json::dump does with ensure_ascii off and
/// invalid UTF-8 replaced (the replacement is left to nlohmann, as it is rare).
void append_json_string(std::string& out, std::string_view s) {
  // Most strings (values, rule names, the text of an expression) are short ASCII that needs no
  // escape: one look at each byte, then one copy with the quotes.
  const bool simple = std::all_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
  });
  if (simple) {
    const std::size_t at = out.size();
    out.resize(at + s.size() + 2);
    out[at] = '"';
    std::memcpy(out.data() + at + 1, s.data(), s.size());
    out[at + s.size() + 1] = '"';
    return;
  }
  bool ascii = true;
  for (const char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (!ascii && utf8::find_invalid(s)) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;   // start of the run of bytes copied as they are
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

/// Appends `n` in decimal (fmt::format_int: no format string to parse, no allocation).
void append_number(std::string& out, std::size_t n) {
  const fmt::format_int digits(n);
  out.append(digits.data(), digits.size());
}

/// One JSON Lines record of `tag --format json`, appended to `out` (fields in the documented order).
void append_tag_json(std::string& out, const ingest::Document& doc, const std::vector<temporal::Timex>& timexes) {
  // `key` is the quoted key and its colon: one append each
  auto field = [&](std::string_view key) { out += key; };
  out += '{';
  field(R"("doc":)");
  append_json_string(out, doc.id);
  out += ',';
  field(R"("path":)");
  append_json_string(out, doc.path);
  out += ',';
  field(R"("dct":)");
  if (doc.dct) append_json_string(out, ingest::format_date(*doc.dct));
  else out += "null";
  out += ',';
  field(R"("dct_source":)");
  append_json_string(out, ingest::to_string(doc.dct_source));
  out += ',';
  field(R"("timexes":)");
  out += '[';
  const std::string_view original = doc.original();
  for (std::size_t k = 0; k < timexes.size(); ++k) {
    const temporal::Timex& t = timexes[k];
    const TextSpan raw = doc.to_raw(t.span);
    if (k > 0) out += ',';
    out += '{';
    field(R"("begin":)");
    append_number(out, raw.begin);
    out += ',';
    field(R"("end":)");
    append_number(out, raw.end);
    out += ',';
    field(R"("text":)");
    append_json_string(out, raw.of(original));
    out += ',';
    field(R"("type":)");
    append_json_string(out, temporal::to_string(t.value.type));
    out += ',';
    field(R"("value":)");
    append_json_string(out, t.value.value);
    if (t.value.mod != temporal::Mod::none) {
      out += ',';
      field(R"("mod":)");
      append_json_string(out, temporal::to_string(t.value.mod));
    }
    if (!t.value.freq.empty()) {
      out += ',';
      field(R"("freq":)");
      append_json_string(out, t.value.freq);
    }
    if (!t.value.quant.empty()) {
      out += ',';
      field(R"("quant":)");
      append_json_string(out, t.value.quant);
    }
    if (t.value.period) {
      out += ',';
      field(R"("granularity":)");
      append_json_string(out, temporal::to_string(t.value.period->granularity()));
    }
    out += ',';
    field(R"("rule":)");
    append_json_string(out, t.rule);
    out += '}';
  }
  out += "]}\n";
}

void tag_text(const ingest::Document& doc, const std::vector<temporal::Timex>& timexes) {
  std::cout << fmt::format("{}  {}  dct {} ({})\n", doc.id, doc.path, doc.dct ? ingest::format_date(*doc.dct) : "none",
                           ingest::to_string(doc.dct_source));
  const std::string_view original = doc.original();
  for (const temporal::Timex& t : timexes) {
    const TextSpan raw = doc.to_raw(t.span);
    std::string mod(temporal::to_string(t.value.mod));
    std::cout << fmt::format("  {:>6}-{:<6} {:<8} {:<14} {:<10} {}\n", raw.begin, raw.end,
                             temporal::to_string(t.value.type), t.value.value, mod, raw.of(original));
  }
  std::cout << '\n';
}

void tag_timeml(const ingest::Document& doc, std::vector<temporal::Timex> timexes) {
  // TEXT holds the body; spans move to body-relative offsets.
  for (temporal::Timex& t : timexes) t.span = {t.span.begin - doc.body.begin, t.span.end - doc.body.begin};
  std::cout << temporal::write_timeml(doc.body_text(), timexes, {doc.id, doc.dct});
}

int run_tag(const TagCommandOptions& options) {
  const temporal::Tagger* tagger = nullptr;
  const temporal::TenseOracle* oracle = nullptr;  // nullptr: the tagger's cue oracle
  if (!load_temporal(options.tense, tagger, oracle)) return kExitFailure;
  std::string buffer;   // JSON output, reused from one document to the next
  return for_each_document(options.input, [&](const ingest::Document& doc) {
    temporal::TagOptions tag_options;
    tag_options.dct = doc.dct;
    tag_options.oracle = oracle;
    std::vector<temporal::Timex> timexes = tagger->tag(doc.text, doc.body, tag_options);
    if (options.format == "json") {
      buffer.clear();
      append_tag_json(buffer, doc, timexes);
      std::cout.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    }
    else if (options.format == "timeml")
      tag_timeml(doc, std::move(timexes));
    else
      tag_text(doc, timexes);
  });
}

}  // namespace

void add_tag_command(CLI::App& app, Context& context) {
  auto options = std::make_shared<TagCommandOptions>();
  CLI::App* command = app.add_subcommand("tag", "temporal expressions of each document (TimeML TIMEX3 values)");
  add_input_options(*command, options->input);
  add_format_option(*command, options->format, {"json", "timeml", "text"});
  add_tense_option(*command, options->tense);
  command->callback([options, &context] { context.exit_code = run_tag(*options); });
}

}  // namespace chronicle::cli
