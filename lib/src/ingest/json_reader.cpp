// JSON Lines: {"id","title","date","text","url","source"} one article a line, optionally gzip-
// or zstd-compressed. Offsets index the decoded `text` field, which is the document's text.

#include <zlib.h>
#include <zstd.h>

#include <nlohmann/json.hpp>

#include "chronicle/core/utf8.hpp"
#include "json_lines.hpp"

namespace chronicle::ingest {
namespace {

bool is_gzip(std::string_view b) { return b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0x1F && static_cast<unsigned char>(b[1]) == 0x8B; }
bool is_zstd(std::string_view b) { return b.size() >= 4 && b.substr(0, 4) == std::string_view("\x28\xB5\x2F\xFD", 4); }

Result<std::string> gunzip(const std::string& path, std::string_view in) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return fail("{}: cannot start gzip decompression", path);
  std::string out;
  char buffer[1 << 16];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    zs.next_out = reinterpret_cast<Bytef*>(buffer);
    zs.avail_out = sizeof buffer;
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END && zs.avail_in > 0) {  // concatenated gzip members
      out.append(buffer, sizeof buffer - zs.avail_out);
      inflateReset(&zs);
      rc = Z_OK;
      continue;
    }
    if (rc != Z_OK && rc != Z_STREAM_END) {
      std::size_t at = zs.total_in;
      inflateEnd(&zs);
      return fail("{}: byte {}: corrupt gzip data", path, at);
    }
    out.append(buffer, sizeof buffer - zs.avail_out);
    if (rc == Z_OK && zs.avail_in == 0 && zs.avail_out != 0) {
      inflateEnd(&zs);
      return fail("{}: gzip data is truncated", path);
    }
  }
  inflateEnd(&zs);
  return out;
}

Result<std::string> unzstd(const std::string& path, std::string_view in) {
  ZSTD_DCtx* ctx = ZSTD_createDCtx();
  std::string out;
  std::string buffer(ZSTD_DStreamOutSize(), '\0');
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  std::size_t last = 0;
  while (input.pos < input.size) {
    ZSTD_outBuffer output{buffer.data(), buffer.size(), 0};
    last = ZSTD_decompressStream(ctx, &output, &input);
    if (ZSTD_isError(last)) {
      ZSTD_freeDCtx(ctx);
      return fail("{}: byte {}: corrupt zstd data: {}", path, input.pos, ZSTD_getErrorName(last));
    }
    out.append(buffer.data(), output.pos);
  }
  ZSTD_freeDCtx(ctx);
  if (last != 0) return fail("{}: zstd data is truncated", path);
  return out;
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

void read_json_lines(const std::string& path, std::string bytes, const DocumentSink& sink) {
  if (is_gzip(bytes) || is_zstd(bytes)) {
    auto plain = is_gzip(bytes) ? gunzip(path, bytes) : unzstd(path, bytes);
    if (!plain) return sink(tl::unexpected(plain.error()));
    bytes = std::move(*plain);
  }
  if (bytes.empty()) return sink(fail("{}: empty file", path));
  if (utf8::looks_binary(bytes)) return sink(fail("{}: binary file (NUL byte), not JSON Lines", path));
  std::string_view all = bytes;
  std::size_t pos = 0;
  for (std::size_t line = 1; pos < all.size(); ++line) {
    std::size_t nl = all.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? all.size() : nl;
    std::string_view record = all.substr(pos, end - pos);
    pos = end + 1;
    if (record.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank line
    sink(read_json_record(path, line, record));
  }
}

}  // namespace chronicle::ingest
