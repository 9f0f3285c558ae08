#pragma once
// Gold named-entity data on gold tokens: IOB2 files as Universal NER ships them (one token per
// line: index, token, tag, ...; `#` comment lines; a blank line between sentences) and
// CoNLL-style IOB1 files such as wikigold (`token TAG`), which are converted to IOB2. Only PER,
// ORG and LOC are kept; every other type (MISC) becomes O.
//
//   Result<std::vector<TaggedSentence>> dev = read_iob_file("en_ewt-ud-dev.iob2", IobFormat::iob2);
//   for (const TaggedSentence& s : *dev) use(s.words, s.tags);   // tags: "O", "B-PER", "I-PER", ...

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::entities {

/// One sentence with one tag per word.
struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
};

/// The layouts of gold files this module reads.
enum class IobFormat {
  iob2,        ///< Universal NER: `index<TAB>token<TAB>tag[<TAB>...]`, `#` comments
  conll_iob1,  ///< CoNLL 2003 style: `token [...] tag`, IOB1 (I- may open an entity), -DOCSTART-
};

/// The entity types the recognizer knows, in tag-id order.
inline constexpr std::string_view kEntityTypes[] = {"PER", "ORG", "LOC"};

/// Parses `text` (named `name` in errors) in `format`.
Result<std::vector<TaggedSentence>> parse_iob(std::string_view text, IobFormat format, std::string_view name);

/// Reads and parses the file at `path`.
Result<std::vector<TaggedSentence>> read_iob_file(const std::string& path, IobFormat format);

/// Rewrites IOB1 tags as IOB2: an I-X that does not continue an X entity becomes B-X.
std::vector<std::string> iob1_to_iob2(const std::vector<std::string>& tags);

}  // namespace chronicle::entities
