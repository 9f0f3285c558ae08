#pragma once
// Lemmatization: the dictionary form of a tagged word, as UD English-EWT writes it ("talks" ->
// "talk", "met" -> "meet", "was" -> "be", "n't" -> "not", "Kerry" -> "Kerry"). Three layers:
//   1. an exception table learned from EWT train (lib/resources/en/language/lemma_exceptions.tsv)
//      for what the rules get wrong: pronouns, auxiliaries ("'s" -> "be"), "n't", odd plurals;
//   2. WordNet's morphology (morphstr) for inflected nouns, verbs, adjectives and adverbs;
//   3. rules: proper nouns, numbers and punctuation keep their form; other words are lowercased;
//      suffix stripping for inflected words WordNet does not know.
//
//   Result<Lemmatizer> lemmatizer = Lemmatizer::builtin();
//   std::string l = lemmatizer->lemma("met", Upos::verb, "VBD");   // "meet"

#include <memory>
#include <string>
#include <string_view>

#include "chronicle/core/result.hpp"
#include "chronicle/language/upos.hpp"

namespace chronicle::language {

namespace detail {
struct LemmaTable;
}

/// Lemmatizer; cheap to copy, safe to use from many threads (WordNet calls are serialized).
class Lemmatizer {
 public:
  /// WordNet and rules without an exception table (what training measures exceptions against).
  static Result<Lemmatizer> rules_only();

  /// WordNet and rules plus the exceptions of `tsv` (lines "form<TAB>XPOS<TAB>lemma", '#' comments).
  static Result<Lemmatizer> load(std::string_view tsv, std::string_view name);

  /// The lemmatizer with the embedded exception table (en/language/lemma_exceptions.tsv).
  static Result<Lemmatizer> builtin();

  /// The lemma of `form` tagged `upos` / `xpos`.
  std::string lemma(std::string_view form, Upos upos, std::string_view xpos) const;

  /// The lemma from WordNet and rules only, ignoring the exception table.
  std::string rule_lemma(std::string_view form, Upos upos, std::string_view xpos) const;

  /// Number of exceptions loaded.
  std::size_t exception_count() const;

 private:
  explicit Lemmatizer(std::shared_ptr<const detail::LemmaTable> table) : table_(std::move(table)) {}
  std::shared_ptr<const detail::LemmaTable> table_;
};

}  // namespace chronicle::language
