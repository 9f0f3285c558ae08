#pragma once
// CoNLL-U reading (https://universaldependencies.org/format.html): the gold data the tagger is
// trained on and scored against. Only syntactic words are kept — multiword token lines ("1-2
// don't") and empty nodes ("8.1") are skipped — which is the "gold tokenization" of UD scoring.
//
//   Result<std::vector<ConlluSentence>> r = read_conllu_file("en_ewt-ud-test.conllu");
//   for (const ConlluSentence& s : *r) for (const ConlluWord& w : s.words) use(w.form, w.upos);

#include <string>
#include <string_view>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::language {

/// The columns of one CoNLL-U word line the language stage uses.
struct ConlluWord {
  std::string form;   ///< FORM
  std::string lemma;  ///< LEMMA
  std::string upos;   ///< UPOS
  std::string xpos;   ///< XPOS (Penn tag in English treebanks)
};

/// One sentence: its words in order.
struct ConlluSentence {
  std::vector<ConlluWord> words;
};

/// Parses CoNLL-U `text`; errors name `name` and the line ("dev.conllu: line 12: ...").
Result<std::vector<ConlluSentence>> parse_conllu(std::string_view text, std::string_view name);

/// Reads and parses the CoNLL-U file at `path`.
Result<std::vector<ConlluSentence>> read_conllu_file(const std::string& path);

}  // namespace chronicle::language
