#pragma once
// The segmenter's data (private): abbreviations, sentence starters and boilerplate rules, parsed
// once from lib/resources/en/segment/ (embedded in the binary, overridable with
// chronicle::resources::set_override_dir before first use).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "chronicle/core/result.hpp"

namespace chronicle::segment::detail {

/// When a sentence may end right after an abbreviation (see abbreviations.tsv).
enum class AbbrevClass : std::uint8_t { none, title, number, never_final, month, weekday, ordinary, place };

/// The ways a boilerplate.tsv rule matches a line.
enum class LineRuleKind : std::uint8_t { line, prefix, suffix, contains, tag_stopword };

/// One row of boilerplate.tsv.
struct LineRule {
  LineRuleKind kind = LineRuleKind::line;
  std::string pattern;
  std::string example;
};

/// One row of abbreviations.tsv.
struct AbbrevRow {
  std::string abbrev;
  AbbrevClass cls = AbbrevClass::none;
  std::string example;
};

/// Hash accepting string_view, so lookups of text slices allocate nothing.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

/// A set of strings searchable by string_view.
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

/// Everything the segmenter knows about English news text.
class Lexicon {
 public:
  /// Parses the three resource files; the error names the file and line.
  static Result<Lexicon> parse(std::string_view abbreviations, std::string_view starters,
                               std::string_view boilerplate);

  /// The class of `word` ("Mr.", "U.S.", "MR."), which includes its final period; none if unknown.
  AbbrevClass abbreviation(std::string_view word) const;
  /// True when `word` commonly begins a sentence ("The", "He").
  bool is_sentence_starter(std::string_view word) const { return starters_.find(word) != starters_.end(); }
  /// True when the upper-case `word` keeps an all-capitals line from being a tag line.
  bool is_tag_stopword(std::string_view word) const { return tag_stopwords_.find(word) != tag_stopwords_.end(); }

  /// Rules of boilerplate.tsv other than tag stopwords, in file order.
  const std::vector<LineRule>& line_rules() const { return line_rules_; }
  /// Every row of boilerplate.tsv (for tests).
  const std::vector<LineRule>& all_line_rules() const { return all_line_rules_; }
  /// Every row of abbreviations.tsv (for tests).
  const std::vector<AbbrevRow>& abbreviation_rows() const { return abbreviation_rows_; }

 private:
  std::unordered_map<std::string, AbbrevClass, StringHash, std::equal_to<>> abbreviations_;
  std::unordered_map<std::string, AbbrevClass, StringHash, std::equal_to<>> upper_abbreviations_;
  StringSet starters_;
  StringSet tag_stopwords_;
  std::vector<LineRule> line_rules_;
  std::vector<LineRule> all_line_rules_;
  std::vector<AbbrevRow> abbreviation_rows_;
};

/// The lexicon built from the embedded resources; throws std::runtime_error when they are broken
/// (a build or set-up bug, not an input error).
const Lexicon& lexicon();

}  // namespace chronicle::segment::detail
