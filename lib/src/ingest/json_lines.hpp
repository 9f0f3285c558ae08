#pragma once
// JSON Lines reading, private to ingest: decompression and record splitting.

#include <string>

#include "chronicle/ingest/reader.hpp"

namespace chronicle::ingest {

/// Streams every record of the JSON Lines file at `path` (gzip- or zstd-compressed or plain: the
/// magic number decides), handing each document or error to `sink`. Memory holds one record at a
/// time; a record over `max_record` bytes is refused.
void read_json_lines(const std::string& path, std::size_t max_record, const DocumentSink& sink);

}  // namespace chronicle::ingest
