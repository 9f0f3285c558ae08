// Reads the documents named on the command line and prints each one's publication date and
// content sentences: the smallest use of chronicle::ingest and chronicle::segment.
//
//   example_sentences corpus/kerry-moscow-2015/

#include <iostream>
#include <string>
#include <vector>

#include "chronicle/ingest/reader.hpp"
#include "chronicle/segment/segmenter.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> paths(argv + 1, argv + argc);
  int status = 0;
  chronicle::ingest::read_paths(paths, {}, [&](chronicle::Result<chronicle::ingest::Document> doc) {
    if (!doc) {
      std::cerr << doc.error().message << '\n';
      status = 2;
      return;
    }
    std::cout << doc->id << ": dct " << (doc->dct ? chronicle::ingest::format_date(*doc->dct) : "none") << " ("
              << chronicle::ingest::to_string(doc->dct_source) << ")\n";
    for (const auto& sentence : chronicle::segment::segment(doc->text, doc->body))
      if (sentence.content) std::cout << "  " << sentence.span.of(doc->text) << '\n';
  });
  return status;
}
