// JSON Lines: {"id","title","date","text","url","source"} one article a line, optionally gzip-
// or zstd-compressed. Offsets index the decoded `text` field, which is the document's text.

#include <zlib.h>
#include <zstd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>

#include "chronicle/core/utf8.hpp"
#include "json_lines.hpp"

namespace chronicle::ingest {
namespace {

// Decompressed bytes of a JSON Lines file, a chunk at a time, so memory stays flat however large
// the file: gzip through zlib's gzread, zstd through its streaming decoder, plain files read
// straight into the caller's buffer.
class ChunkSource {
 public:
  static Result<std::unique_ptr<ChunkSource>> open(const std::string& path);
  virtual ~ChunkSource() = default;
  /// Appends up to one chunk to `out`; returns false at the end of the data.
  virtual Result<bool> next(std::string& out) = 0;
};

constexpr std::size_t kChunk = 1 << 16;

/// A plain file: read() lands in `out` itself (through gzread, which passes plain bytes through
/// too, each byte was copied twice more: into zlib's buffer, then out of a chunk on the stack).
class PlainSource : public ChunkSource {
 public:
  PlainSource(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  ~PlainSource() override { std::fclose(file_); }
  Result<bool> next(std::string& out) override {
    const std::size_t size = out.size();
    out.resize(size + kChunk);
    const std::size_t n = std::fread(out.data() + size, 1, kChunk, file_);
    out.resize(size + n);
    if (n == 0 && std::ferror(file_)) return fail("{}: read error: {}", path_, std::strerror(errno));
    return n > 0;
  }

 private:
  std::string path_;
  std::FILE* file_;
};

class GzipSource : public ChunkSource {
 public:
  GzipSource(std::string path, gzFile file) : path_(std::move(path)), file_(file) {}
  ~GzipSource() override { gzclose(file_); }
  Result<bool> next(std::string& out) override {
    char buffer[kChunk];
    int n = gzread(file_, buffer, sizeof buffer);
    if (n < 0) {
      int code = 0;
      const char* message = gzerror(file_, &code);
      if (code == Z_BUF_ERROR) return fail("{}: gzip data is truncated", path_);
      return fail("{}: corrupt gzip data: {}", path_, message);
    }
    if (n == 0) {
      int code = 0;
      gzerror(file_, &code);
      if (code == Z_BUF_ERROR) return fail("{}: gzip data is truncated", path_);
      return false;
    }
    out.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

 private:
  std::string path_;
  gzFile file_;
};

class ZstdSource : public ChunkSource {
 public:
  ZstdSource(std::string path, std::FILE* file) : path_(std::move(path)), file_(file), ctx_(ZSTD_createDCtx()), in_(kChunk, '\0') {}
  ~ZstdSource() override {
    ZSTD_freeDCtx(ctx_);
    std::fclose(file_);
  }
  Result<bool> next(std::string& out) override {
    while (true) {
      if (input_.pos == input_.size) {
        std::size_t n = std::fread(in_.data(), 1, in_.size(), file_);
        if (n == 0) {
          if (last_ != 0) return fail("{}: zstd data is truncated", path_);
          return false;
        }
        input_ = {in_.data(), n, 0};
      }
      std::string buffer(ZSTD_DStreamOutSize(), '\0');
      ZSTD_outBuffer output{buffer.data(), buffer.size(), 0};
      last_ = ZSTD_decompressStream(ctx_, &output, &input_);
      if (ZSTD_isError(last_)) return fail("{}: corrupt zstd data: {}", path_, ZSTD_getErrorName(last_));
      if (output.pos > 0) {
        out.append(buffer.data(), output.pos);
        return true;
      }
    }
  }

 private:
  std::string path_;
  std::FILE* file_;
  ZSTD_DCtx* ctx_;
  std::string in_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  std::size_t last_ = 0;
};

Result<std::unique_ptr<ChunkSource>> ChunkSource::open(const std::string& path) {
  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) return fail("{}: cannot open: {}", path, std::strerror(errno));
  unsigned char magic[4] = {0, 0, 0, 0};
  std::size_t got = std::fread(magic, 1, 4, probe);
  if (got == 4 && magic[0] == 0x28 && magic[1] == 0xB5 && magic[2] == 0x2F && magic[3] == 0xFD) {
    std::rewind(probe);
    return std::unique_ptr<ChunkSource>(new ZstdSource(path, probe));
  }
  if (got < 2 || magic[0] != 0x1F || magic[1] != 0x8B) {
    std::rewind(probe);
    return std::unique_ptr<ChunkSource>(new PlainSource(path, probe));
  }
  std::fclose(probe);
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return fail("{}: cannot open: {}", path, std::strerror(errno));
  gzbuffer(file, 1 << 17);
  return std::unique_ptr<ChunkSource>(new GzipSource(path, file));
}

/// The fields of one record that become a Document; missing and null fields are empty.
struct Fields {
  std::string text, id, title, date, url, source;
};

/// Reads a JSON Lines record without building a DOM. Strict JSON, but only the common shape: an
/// object whose values are strings, null, booleans or short integers, with a "text" string and
/// the other known fields strings, null or booleans. Anything else, every malformed line
/// included, is refused, and nlohmann then parses the line (and words the error), so records
/// read the same either way. A repeated key counts with its last value, as in nlohmann.
class RecordScanner {
 public:
  explicit RecordScanner(std::string_view line) : s_(line) {}

  /// Fills `out` and returns true when the line has the common shape.
  bool scan(Fields& out) {
    skip_space();
    if (!eat('{')) return false;
    bool has_text = false;
    skip_space();
    if (!eat('}')) {
      do {
        skip_space();
        key_.clear();
        if (!string(&key_)) return false;
        skip_space();
        if (!eat(':')) return false;
        skip_space();
        if (!value(out, has_text)) return false;
        skip_space();
      } while (eat(','));
      if (!eat('}')) return false;
    }
    skip_space();
    return p_ == s_.size() && has_text;
  }

 private:
  /// The value of key_ at p_, stored in `out` when key_ is a known field.
  bool value(Fields& out, bool& has_text) {
    std::string* field = key_ == "text"     ? &out.text
                         : key_ == "id"     ? &out.id
                         : key_ == "title"  ? &out.title
                         : key_ == "date"   ? &out.date
                         : key_ == "url"    ? &out.url
                         : key_ == "source" ? &out.source
                                            : nullptr;
    const bool is_text = field == &out.text;
    if (p_ < s_.size() && s_[p_] == '"') {
      if (field) field->clear();
      // the text is most of the line: room for it at once, not a regrowth after each escape
      if (is_text) field->reserve(s_.size() - p_);
      if (is_text) has_text = true;
      return string(field);
    }
    if (is_text) has_text = false;   // a later non-string "text": nlohmann reports it
    std::string_view word;
    if (literal("null")) word = "";
    else if (literal("true")) word = "true";
    else if (literal("false")) word = "false";
    else return !field && integer();   // a number in a known field: left to nlohmann's dump()
    if (field) field->assign(word);
    return true;
  }

  void skip_space() {
    while (p_ < s_.size() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == '\n' || s_[p_] == '\r')) ++p_;
  }

  bool eat(char c) {
    if (p_ >= s_.size() || s_[p_] != c) return false;
    ++p_;
    return true;
  }

  bool literal(std::string_view word) {
    if (s_.substr(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  /// An integer of at most 18 digits (JSON syntax), so nlohmann would hold it exactly.
  bool integer() {
    eat('-');
    const std::size_t start = p_;
    while (p_ < s_.size() && s_[p_] >= '0' && s_[p_] <= '9') ++p_;
    const std::size_t digits = p_ - start;
    if (digits == 0 || digits > 18 || (digits > 1 && s_[start] == '0')) return false;
    return p_ >= s_.size() || (s_[p_] != '.' && s_[p_] != 'e' && s_[p_] != 'E');
  }

  /// A string at p_, decoded into `*out` (appended) unless `out` is null.
  bool string(std::string* out) {
    if (!eat('"')) return false;
    std::size_t run = p_;   // start of the bytes copied as they are
    while (true) {
      p_ = next_special(p_);
      if (p_ >= s_.size()) return false;
      const auto c = static_cast<unsigned char>(s_[p_]);
      if (c == '"') {
        if (out) out->append(s_.data() + run, p_ - run);
        ++p_;
        return true;
      }
      if (c < 0x20) return false;   // control characters must be escaped
      if (out) out->append(s_.data() + run, p_ - run);   // a backslash
      ++p_;
      if (!escape(out)) return false;
      run = p_;
    }
  }

  /// The first quote, backslash or control byte at or after `i` (s_.size() when none), sixteen or
  /// eight bytes at a time: most of a "text" field is plain bytes, and a byte-at-a-time loop
  /// mispredicted its exit at every escaped newline and quote.
  std::size_t next_special(std::size_t i) const {
#if defined(__SSE2__)
    // sixteen at a time where the baseline instruction set has SSE2 (every x86-64)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
    for (; i + 16 <= s_.size(); i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s_.data() + i));
      const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)),
                                           _mm_cmpeq_epi8(_mm_max_epu8(block, control), control));   // <= 0x1F
      if (const int flags = _mm_movemask_epi8(special))
        return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(flags)));
    }
#endif
    constexpr std::uint64_t kOnes = 0x0101010101010101ull;
    constexpr std::uint64_t kHighs = 0x8080808080808080ull;
    // 0x80 in the first byte of v below n (n <= 0x80), or equal to b; bytes after the first
    // flagged one may be flagged wrongly (a borrow), so only the first flag is read
    const auto below = [](std::uint64_t v, unsigned char n) { return (v - kOnes * n) & ~v & kHighs; };
    const auto equal = [&](std::uint64_t v, unsigned char b) { return below(v ^ (kOnes * b), 1); };
    if constexpr (std::endian::native == std::endian::little)
      for (std::uint64_t block; i + 8 <= s_.size(); i += 8) {
        std::memcpy(&block, s_.data() + i, 8);
        if (const std::uint64_t flags = below(block, 0x20) | equal(block, '"') | equal(block, '\\'))
          return i + static_cast<std::size_t>(std::countr_zero(flags)) / 8;
      }
    for (; i < s_.size(); ++i) {
      const auto c = static_cast<unsigned char>(s_[i]);
      if (c < 0x20 || c == '"' || c == '\\') return i;
    }
    return i;
  }

  /// The escape after a backslash at p_; a \u escape may be a surrogate pair.
  bool escape(std::string* out) {
    if (p_ >= s_.size()) return false;
    const char c = s_[p_++];
    char plain = 0;
    switch (c) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': break;
      default: return false;
    }
    if (c != 'u') {
      if (out) *out += plain;
      return true;
    }
    char32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;   // a low surrogate first
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      char32_t low = 0;
      if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out) utf8::append(*out, cp);
    return true;
  }

  bool hex4(char32_t& v) {
    if (s_.size() - p_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = s_[p_++];
      const int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<char32_t>(d);
    }
    return true;
  }

  std::string_view s_;
  std::size_t p_ = 0;
  std::string key_;
};

std::string string_field(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

/// The fields through nlohmann, for the lines RecordScanner refuses: its errors are the messages.
Result<Fields> parse_fields(const std::string& path, std::size_t line, std::string_view json) {
  nlohmann::json record = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return fail("{}: line {}: not valid JSON", path, line);
  if (!record.is_object()) return fail("{}: line {}: a JSON object was expected", path, line);
  auto text = record.find("text");
  if (text == record.end() || !text->is_string()) return fail("{}: line {}: no \"text\" string field", path, line);
  Fields fields;
  fields.text = text->get<std::string>();
  fields.id = string_field(record, "id");
  fields.title = string_field(record, "title");
  fields.date = string_field(record, "date");
  fields.url = string_field(record, "url");
  fields.source = string_field(record, "source");
  return fields;
}

}  // namespace

Result<Document> read_json_record(const std::string& path, std::size_t line, std::string_view json) {
  if (auto bad = utf8::find_invalid(json)) return fail("{}: line {}: byte {} of the line: invalid UTF-8", path, line, *bad);
  Result<Fields> fields{Fields{}};
  if (!RecordScanner(json).scan(*fields)) fields = parse_fields(path, line, json);
  if (!fields) return tl::unexpected(fields.error());

  Document doc;
  doc.path = path;
  doc.record = line;
  doc.format = Format::jsonl;
  doc.text = std::move(fields->text);
  doc.body = {0, doc.text.size()};
  doc.id = std::move(fields->id);
  if (doc.id.empty()) {
    std::string_view name = path;
    if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    doc.id = fmt::format("{}:{}", name.substr(0, name.find('.')), line);
  }
  doc.title = std::move(fields->title);
  doc.url = std::move(fields->url);
  doc.source = std::move(fields->source);
  if (!fields->date.empty()) {
    auto parsed = parse_iso_date(fields->date);
    if (!parsed) return fail("{}: line {}: \"date\": {}", path, line, parsed.error().message);
    doc.dct = *parsed;
    doc.dct_source = DctSource::metadata;
  }
  return doc;
}

void read_json_lines(const std::string& path, std::size_t max_record, const DocumentSink& sink) {
  auto source = ChunkSource::open(path);
  if (!source) return sink(tl::unexpected(source.error()));
  std::string pending;      // bytes of the current, incomplete line
  std::size_t line = 1;
  bool any = false;
  auto emit = [&](std::string_view record) {
    if (record.find_first_not_of(" \t\r") != std::string_view::npos) sink(read_json_record(path, line, record));
    ++line;
  };
  while (true) {
    std::size_t scanned = pending.size();
    auto more = (*source)->next(pending);
    if (!more) return sink(tl::unexpected(more.error()));
    if (!*more) break;
    if (!any && utf8::looks_binary(pending)) return sink(fail("{}: binary file (NUL byte), not JSON Lines", path));
    any = true;
    std::size_t start = 0;
    for (std::size_t nl = pending.find('\n', scanned); nl != std::string::npos; nl = pending.find('\n', start)) {
      emit(std::string_view(pending).substr(start, nl - start));
      start = nl + 1;
    }
    pending.erase(0, start);
    if (pending.size() > max_record) {
      sink(fail("{}: line {}: record is over {} bytes", path, line, max_record));
      return;
    }
  }
  if (!any) return sink(fail("{}: empty file", path));
  emit(pending);
}

}  // namespace chronicle::ingest
