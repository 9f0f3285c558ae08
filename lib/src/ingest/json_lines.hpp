#pragma once
// JSON Lines reading, private to ingest: decompression and record splitting.

#include <string>

#include "chronicle/ingest/reader.hpp"

namespace chronicle::ingest {

/// Reads every record of a JSON Lines file (`bytes` may be gzip- or zstd-compressed: the
/// magic number decides), handing each document or error to `sink`.
void read_json_lines(const std::string& path, std::string bytes, const DocumentSink& sink);

}  // namespace chronicle::ingest
