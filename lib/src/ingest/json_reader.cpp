// JSON Lines: {"id","title","date","text","url","source"} one article a line, optionally gzip-
// or zstd-compressed. Offsets index the decoded `text` field, which is the document's text.

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <nlohmann/json.hpp>

#include "chronicle/core/utf8.hpp"
#include "json_lines.hpp"

namespace chronicle::ingest {
namespace {

// Decompressed bytes of a JSON Lines file, a chunk at a time, so memory stays flat however large
// the file: gzip and plain files through zlib's gzread (it passes plain bytes through), zstd
// through its streaming decoder.
class ChunkSource {
 public:
  static Result<std::unique_ptr<ChunkSource>> open(const std::string& path);
  virtual ~ChunkSource() = default;
  /// Appends up to one chunk to `out`; returns false at the end of the data.
  virtual Result<bool> next(std::string& out) = 0;
};

constexpr std::size_t kChunk = 1 << 16;

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
  std::fclose(probe);
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return fail("{}: cannot open: {}", path, std::strerror(errno));
  gzbuffer(file, 1 << 17);
  return std::unique_ptr<ChunkSource>(new GzipSource(path, file));
}

std::string string_field(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

}  // namespace

Result<Document> read_json_record(const std::string& path, std::size_t line, std::string_view json) {
  if (auto bad = utf8::find_invalid(json)) return fail("{}: line {}: byte {} of the line: invalid UTF-8", path, line, *bad);
  nlohmann::json record = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) return fail("{}: line {}: not valid JSON", path, line);
  if (!record.is_object()) return fail("{}: line {}: a JSON object was expected", path, line);
  auto text = record.find("text");
  if (text == record.end() || !text->is_string()) return fail("{}: line {}: no \"text\" string field", path, line);

  Document doc;
  doc.path = path;
  doc.record = line;
  doc.format = Format::jsonl;
  doc.text = text->get<std::string>();
  doc.body = {0, doc.text.size()};
  doc.id = string_field(record, "id");
  if (doc.id.empty()) {
    std::string_view name = path;
    if (auto slash = name.find_last_of('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
    doc.id = fmt::format("{}:{}", name.substr(0, name.find('.')), line);
  }
  doc.title = string_field(record, "title");
  doc.url = string_field(record, "url");
  doc.source = string_field(record, "source");
  std::string day = string_field(record, "date");
  if (!day.empty()) {
    auto parsed = parse_iso_date(day);
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
