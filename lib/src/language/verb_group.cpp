// Verb groups from POS tags: a left-to-right scan collects chains of auxiliaries, modals,
// negation and verbs ("has not yet met", "is set to take"), a second pass reads tense, aspect,
// modality and direction off each chain, and clause boundaries come from punctuation,
// subordinators, relative pronouns, commas before a subject and second finite verbs.

#include "chronicle/language/verb_group.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>

namespace chronicle::language {
namespace {

bool one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

/// Lowercased forms with the typographic apostrophe folded to ASCII.
std::vector<std::string> lower_forms(std::span<const Word> words, std::string_view text) {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const Word& w : words) {
    std::string s;
    const std::string_view form = w.span.of(text);
    for (std::size_t i = 0; i < form.size(); ++i) {
      if (form.compare(i, 3, "\xE2\x80\x99") == 0) {
        s += '\'';
        i += 2;
        continue;
      }
      const char c = form[i];
      s += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    out.push_back(std::move(s));
  }
  return out;
}

/// What one sentence's scan works on.
struct Sentence {
  Sentence(std::span<const Word> w, std::string_view text) : words(w), forms(lower_forms(w, text)) {
    for (const Word& word : words) {
      upos.push_back(word.upos);
      xpos.push_back(word.xpos);
    }
    // "shootings that injured doctors": a past form the tagger took for an adjective right
    // after a relative pronoun is the relative clause's verb
    for (std::size_t i = 1; i < words.size(); ++i)
      if (upos[i] == Upos::adj && forms[i].ends_with("ed") && (xpos[i - 1] == "WDT" || xpos[i - 1] == "WP")) {
        upos[i] = Upos::verb;
        xpos[i] = "VBD";
      }
  }
  std::span<const Word> words;
  std::vector<std::string> forms;
  std::vector<Upos> upos;               ///< the tagger's, with the repairs above
  std::vector<std::string_view> xpos;
  bool modal(std::size_t i) const { return xpos[i] == "MD"; }
  bool aux(std::size_t i) const { return upos[i] == Upos::aux || modal(i); }
  bool verb(std::size_t i) const { return upos[i] == Upos::verb; }
  bool negation(std::size_t i) const { return one_of(forms[i], {"not", "n't", "never"}); }
  bool base_verb(std::size_t i) const {
    return i < words.size() && (verb(i) || upos[i] == Upos::aux) && xpos[i] == "VB";
  }
  /// "to" followed by a bare verb: the infinitive marker.
  bool infinitive_to(std::size_t i) const { return i < words.size() && forms[i] == "to" && base_verb(i + 1); }
  bool finite(std::size_t i) const {
    const std::string_view x = xpos[i];
    return x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD";
  }
};

/// Adjectives that take an infinitive after "be": "is due to", "is likely to", "is about to".
bool catenative_adjective(std::string_view form) {
  return one_of(form, {"due", "likely", "unlikely", "about", "ready", "able", "unable", "poised", "slated", "set",
                       "scheduled", "expected", "eager", "keen", "willing", "certain", "sure"});
}

/// Catenatives (by lemma or form) that put the infinitive after them ahead of the time they speak of.
bool future_catenative(std::string_view lemma) {
  return one_of(lemma, {"set", "due", "go", "plan", "intend", "expect", "schedule", "slate", "poise", "likely", "about",
                        "hope", "aim", "want", "seek", "agree", "promise", "vow", "pledge", "prepare", "decide",
                        "threaten", "ready", "wish", "propose", "mean", "unlikely", "certain", "sure", "eager",
                        "keen", "willing", "scheduled", "expected", "slated", "poised", "vote", "offer", "arrange"});
}

/// The modality a catenative gives its group: "going to", "set to", "plan to"...
std::string catenative_modality(const Sentence& s, std::size_t k) {
  const std::string& lemma = s.words[k].lemma.empty() ? s.forms[k] : s.words[k].lemma;
  if (lemma == "go" && s.forms[k] == "going") return "going to";
  if (lemma == "use" && s.forms[k] == "used") return "used to";
  if (s.upos[k] == Upos::adj) return s.forms[k] + " to";
  return lemma + " to";
}

/// Word indices of one chain and its head, before analysis.
struct Chain {
  std::vector<std::size_t> members;   ///< every word of the chain but adverbs, head last
  std::vector<std::size_t> tos;       ///< positions in `members` of infinitive "to"s
  bool leading_to = false;            ///< the chain starts with "to" (an infinitive)
};

/// Index just past the adverbs at `i` when a chain word follows them, else `i`.
std::size_t skip_inner_adverbs(const Sentence& s, std::size_t i) {
  std::size_t j = i;
  while (j < s.words.size() && j - i < 3 && (s.upos[j] == Upos::adv || s.negation(j))) ++j;
  if (j == i || j >= s.words.size()) return i;
  return (s.aux(j) || s.verb(j) || s.infinitive_to(j)) ? j : i;
}

/// The chain starting at word `i` (an auxiliary, modal, verb or infinitive "to"); `end` is set
/// past its last word.
Chain read_chain(const Sentence& s, std::size_t i, std::size_t& end) {
  Chain c;
  const std::size_t n = s.words.size();
  std::size_t j = i;
  if (s.infinitive_to(j)) {
    c.leading_to = true;
    c.tos.push_back(0);
    c.members.push_back(j++);
  }
  while (j < n) {
    if (s.negation(j)) {
      c.members.push_back(j++);
      continue;
    }
    if (s.aux(j)) {
      c.members.push_back(j++);
      // "is due to talk", "is likely to meet"
      if (j + 1 < n && catenative_adjective(s.forms[j]) && !s.verb(j) && s.infinitive_to(j + 1)) {
        c.members.push_back(j++);
        c.tos.push_back(c.members.size());
        c.members.push_back(j++);
        continue;
      }
      const std::size_t k = skip_inner_adverbs(s, j);
      for (; j < k; ++j)
        if (s.negation(j)) c.members.push_back(j);
      continue;
    }
    if (s.verb(j)) {
      c.members.push_back(j++);
      // "plans to meet", "is set to take", "wants to hold": the verb before "to" is a catenative
      if (s.infinitive_to(j)) {
        c.tos.push_back(c.members.size());
        c.members.push_back(j++);
        continue;
      }
      break;
    }
    break;
  }
  // a chain of auxiliaries only ("is on Friday"): its last auxiliary is the head (copula);
  // trailing negation is no head
  while (c.members.size() > 1 && s.negation(c.members.back())) c.members.pop_back();
  end = std::max(j, i + 1);
  return c;
}

/// Verbs whose past tense is their base form: a tagger may call "Assad cast doubt" present.
bool unchanged_past(std::string_view form) {
  return one_of(form, {"cast", "put", "set", "hit", "let", "cut", "quit", "spread", "hurt", "shut", "bet", "bid",
                       "burst", "cost", "broadcast", "forecast", "upset", "thrust", "split", "shed", "read", "beat"});
}

/// "Assad cast": a plural-or-first-person present form after a singular subject is a past.
bool singular_subject_before(const Sentence& s, std::size_t k) {
  while (k > 0 && (s.upos[k - 1] == Upos::adv)) --k;
  if (k == 0) return false;
  const std::string_view x = s.xpos[k - 1];
  return x == "NNP" || x == "NN" || one_of(s.forms[k - 1], {"he", "she", "it"});
}

/// "they dug", tagged as a present: a present form other than "be"'s is the verb's base form,
/// so one whose lemma differs is a past the tagger missed ("'ve", "'re" are contractions).
bool irregular_past(const Sentence& s, std::size_t k) {
  const std::string& lemma = s.words[k].lemma;
  const std::string& form = s.forms[k];
  return !lemma.empty() && lemma != form && lemma != "be" && !form.starts_with("'") && form != "ai";
}

/// Tense of a finite element.
Tense tense_of(const Sentence& s, std::size_t k) {
  const std::string_view x = s.xpos[k];
  if (x == "VBD") return Tense::past;
  if (x == "VBP" && unchanged_past(s.forms[k]) && singular_subject_before(s, k)) return Tense::past;
  if (x == "VBP" && irregular_past(s, k)) return Tense::past;
  if (x == "VBZ" || x == "VBP") return Tense::present;
  if (x == "MD" && one_of(s.forms[k], {"will", "shall", "'ll", "wo"})) return Tense::future;
  return Tense::none;
}

/// Modality word of a modal ("ca" -> "can", "wo" -> "will").
std::string modal_word(const std::string& form) {
  if (form == "ca") return "can";
  if (form == "wo" || form == "'ll") return "will";
  if (form == "'d") return "would";
  return form;
}

/// Reads tense, aspect, modality, polarity and direction off a chain.
VerbGroup analyse(const Sentence& s, const Chain& c) {
  VerbGroup g;
  g.head = c.members.back();
  g.first = c.members.front();
  for (std::size_t k = 0; k + 1 < c.members.size(); ++k) g.auxiliaries.push_back(c.members[k]);

  std::optional<std::size_t> first_finite;
  std::string modal;
  bool will = false;
  for (std::size_t m : c.members) {
    if (s.negation(m)) {
      g.polarity = Polarity::negative;
      continue;
    }
    if (!first_finite && s.finite(m)) first_finite = m;
    if (s.modal(m)) {
      if (one_of(s.forms[m], {"will", "shall", "'ll", "wo"})) will = true;
      else if (modal.empty()) modal = modal_word(s.forms[m]);
    }
  }
  // Only a chain that starts finite has a tense ("to meet", "saying", "held" do not).
  g.finite = first_finite && *first_finite == c.members.front();
  if (!g.finite && first_finite && s.negation(c.members.front())) g.finite = true;
  if (g.finite) g.tense = tense_of(s, *first_finite);

  // The part after the last catenative "to" tells the aspect of the main event.
  const std::size_t tail_begin = c.tos.empty() ? 0 : c.tos.back() + 1;
  bool perfect = false, progressive = false;
  std::optional<std::size_t> previous_verbal;
  for (std::size_t p = tail_begin; p < c.members.size(); ++p) {
    const std::size_t m = c.members[p];
    if (s.negation(m)) continue;
    if (s.words[m].lemma == "have" && s.aux(m)) perfect = true;
    if (m == g.head && previous_verbal && s.words[*previous_verbal].lemma == "be") {
      if (s.xpos[m] == "VBG") progressive = true;
      if (s.xpos[m] == "VBN") g.passive = true;
    }
    if (m == g.head && previous_verbal && s.words[*previous_verbal].lemma == "get" && s.xpos[m] == "VBN")
      g.passive = true;
    previous_verbal = m;
  }
  // "had been due to expire", "had planned to meet": a pluperfect before the catenative
  bool plan_perfect = false;
  for (std::size_t p = 0; p < tail_begin; ++p)
    if (s.words[c.members[p]].lemma == "have" && s.aux(c.members[p])) plan_perfect = true;
  g.aspect = perfect && progressive ? Aspect::perfective_progressive
             : perfect              ? Aspect::perfective
             : progressive          ? Aspect::progressive
                                    : Aspect::none;

  // Modality: a modal other than "will", else the last catenative.
  std::string catenative;
  std::optional<std::size_t> catenative_word;
  if (!c.tos.empty() && c.tos.back() > 0) {
    catenative_word = c.members[c.tos.back() - 1];
    catenative = catenative_modality(s, *catenative_word);
  }
  g.modality = !modal.empty() ? modal : catenative;

  // Direction.
  const bool future_cat = catenative_word && (future_catenative(s.words[*catenative_word].lemma) ||
                                              future_catenative(s.forms[*catenative_word]));
  const Tense lead = g.tense;
  if (catenative == "used to") g.direction = TimeDirection::past;
  else if (!modal.empty()) {
    // "would have met" looks back; so does "could not be located", the past of "cannot"
    const bool past_inability = modal == "could" && g.polarity == Polarity::negative;
    g.direction = perfect || past_inability ? TimeDirection::past : TimeDirection::hypothetical;
  }
  else if (will) g.direction = TimeDirection::future;
  // a plan told in the pluperfect had its time before the time of telling ("had been
  // scheduled to expire Friday"); one told in the past may still lie ahead ("was set to meet")
  else if (future_cat && lead == Tense::past && plan_perfect) g.direction = TimeDirection::past;
  else if (future_cat) g.direction = lead == Tense::past ? TimeDirection::hypothetical : TimeDirection::future;
  else if (lead == Tense::past) g.direction = TimeDirection::past;
  else if (lead == Tense::present) g.direction = perfect ? TimeDirection::past : TimeDirection::present;
  return g;
}

bool quote_or_bracket(std::string_view f) {
  return one_of(f, {"\"", "``", "''", "\xE2\x80\x9C", "\xE2\x80\x9D", "(", ")", "[", "]", "--",
                    "\xE2\x80\x94", "\xE2\x80\x93", ";", ":"});
}

bool subject_pronoun(std::string_view f) { return one_of(f, {"i", "he", "she", "we", "they", "it", "you", "there"}); }

/// Whether the words after the comma at `i` open a clause: a participle, a subject pronoun, a
/// subordinator, or a short noun phrase followed by a finite verb.
bool comma_opens_clause(const Sentence& s, std::size_t i) {
  const std::size_t n = s.words.size();
  std::size_t j = i + 1;
  while (j < n && s.upos[j] == Upos::cconj) ++j;
  if (j >= n) return false;
  const Word& w = s.words[j];
  if (w.upos == Upos::verb && (w.xpos == "VBG" || w.xpos == "VBN")) return true;
  if (w.upos == Upos::sconj || w.xpos.starts_with("W")) return true;
  if (w.upos == Upos::pron && subject_pronoun(s.forms[j])) return true;
  if (j == i + 1 && s.finite(j) && (w.upos == Upos::verb || w.upos == Upos::aux)) return true;   // ", who met X, said"
  for (std::size_t k = j; k < n && k - j < 7; ++k) {
    const Upos u = s.upos[k];
    if (s.finite(k) && (u == Upos::verb || u == Upos::aux)) return k > j;
    if (u != Upos::det && u != Upos::adj && u != Upos::noun && u != Upos::propn && u != Upos::num &&
        u != Upos::pron && s.forms[k] != "'s" && s.forms[k] != "." && u != Upos::adv)
      return false;
  }
  return false;
}

/// Clause starts from punctuation and function words.
std::vector<bool> lexical_boundaries(const Sentence& s) {
  const std::size_t n = s.words.size();
  std::vector<bool> starts(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    const Word& w = s.words[i];
    const std::string& f = s.forms[i];
    if (quote_or_bracket(f)) {
      starts[i] = true;
      if (i + 1 < n) starts[i + 1] = true;
    } else if (w.upos == Upos::sconj || w.xpos == "WDT" || w.xpos == "WP" || w.xpos == "WP$" || w.xpos == "WRB") {
      starts[i] = true;
    } else if (f == "," && comma_opens_clause(s, i)) {
      if (i + 1 < n) starts[i + 1] = true;
    }
  }
  return starts;
}

std::vector<std::size_t> number_clauses(const std::vector<bool>& starts) {
  std::vector<std::size_t> clause(starts.size(), 0);
  std::size_t c = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    if (starts[i] && i > 0) ++c;
    clause[i] = c;
  }
  return clause;
}

/// First word of the subject before a finite group at `first`: "the meeting" in "said the
/// meeting would"; `first` itself when there is no noun phrase.
std::size_t subject_start(const Sentence& s, std::size_t first, std::size_t floor) {
  std::size_t k = first;
  while (k > floor) {
    const Upos u = s.upos[k - 1];
    if (u == Upos::noun || u == Upos::propn || u == Upos::adj || u == Upos::num || s.forms[k - 1] == "'s") {
      --k;
      continue;
    }
    if (u == Upos::det || u == Upos::pron) --k;
    break;
  }
  // a noun phrase after a preposition is its object: "who met on Monday | said"
  if (k < first && k > floor && s.upos[k - 1] == Upos::adp) return first;
  return k;
}

/// Whether the clause of word `k` opens with a relative pronoun or adverb.
bool relative_before(const Sentence& s, const std::vector<std::size_t>& clause_of, std::size_t k) {
  std::size_t start = k;
  while (start > 0 && clause_of[start - 1] == clause_of[k]) --start;
  const std::string_view x = s.xpos[start];
  return x == "WDT" || x == "WP" || x == "WP$";
}

}  // namespace

bool scheduling_verb(std::string_view lemma) {
  return one_of(lemma, {"schedule", "plan", "slate", "arrange", "reschedule", "postpone", "delay", "book"});
}

namespace {

/// Infinitives and participles without a tense take their direction from the group before them
/// in the clause ("went to Moscow to meet", "tried to meet").
void inherit_directions(VerbGroups& out, const Sentence& s) {
  for (std::size_t i = 1; i < out.groups.size(); ++i) {
    VerbGroup& g = out.groups[i];
    if (g.finite || g.direction != TimeDirection::unknown) continue;
    const VerbGroup& before = out.groups[i - 1];
    if (before.clause != g.clause) continue;
    const bool infinitive = !g.auxiliaries.empty() && s.forms[g.auxiliaries.front()] == "to";
    if (infinitive && scheduling_verb(s.words[before.head].lemma)) g.direction = TimeDirection::future;
    else if (infinitive || s.xpos[g.head] == "VBG") g.direction = before.direction;
  }
  // A participle clause ("After touring Dar es Salaam Thursday, the director said", "..., saying
  // he would") happens when its main clause does: the finite group before it, else after it.
  for (std::size_t i = 0; i < out.groups.size(); ++i) {
    VerbGroup& g = out.groups[i];
    if (g.finite || g.direction != TimeDirection::unknown || s.xpos[g.head] != "VBG" || !g.auxiliaries.empty()) continue;
    const VerbGroup* main = nullptr;
    for (std::size_t k = i; k-- > 0 && !main;)
      if (out.groups[k].finite && out.groups[k].clause + 1 == g.clause) main = &out.groups[k];
    for (std::size_t k = i + 1; k < out.groups.size() && !main; ++k)
      if (out.groups[k].finite && out.groups[k].clause == g.clause + 1) main = &out.groups[k];
    if (main) g.direction = main->direction;
  }
}

}  // namespace

std::string_view to_string(Tense tense) {
  constexpr std::array<std::string_view, 4> names{"NONE", "PAST", "PRESENT", "FUTURE"};
  return names[static_cast<std::size_t>(tense)];
}

std::string_view to_string(Aspect aspect) {
  constexpr std::array<std::string_view, 4> names{"NONE", "PERFECTIVE", "PROGRESSIVE", "PERFECTIVE_PROGRESSIVE"};
  return names[static_cast<std::size_t>(aspect)];
}

std::string_view to_string(Polarity polarity) { return polarity == Polarity::positive ? "POS" : "NEG"; }

std::string_view to_string(TimeDirection direction) {
  constexpr std::array<std::string_view, 5> names{"unknown", "past", "present", "future", "hypothetical"};
  return names[static_cast<std::size_t>(direction)];
}

VerbGroups verb_groups(std::span<const Word> words, std::string_view text) {
  const Sentence s(words, text);
  VerbGroups out;
  const std::size_t n = words.size();
  for (std::size_t i = 0; i < n;) {
    if (!(s.aux(i) || s.verb(i) || s.infinitive_to(i))) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    const Chain chain = read_chain(s, i, end);
    if (!chain.members.empty() && !(chain.members.size() == 1 && chain.leading_to))
      out.groups.push_back(analyse(s, chain));
    i = end;
  }

  // Clauses: lexical boundaries, then a boundary before the subject of every finite group that
  // follows another finite group of its clause ("Lavrov said | the meeting would take place").
  std::vector<bool> starts = lexical_boundaries(s);
  out.clause_of = number_clauses(starts);
  for (std::size_t i = 1; i < out.groups.size(); ++i) {
    const VerbGroup& g = out.groups[i];
    if (!g.finite) continue;
    for (std::size_t k = i; k-- > 0;) {
      const VerbGroup& before = out.groups[k];
      if (out.clause_of[before.head] != out.clause_of[g.first]) break;
      if (!before.finite) continue;
      const std::size_t start = subject_start(s, g.first, before.head + 1);
      if (start < g.first && start > before.head) starts[start] = true;
      // a relative clause ends before the main verb: "Officials who met on Monday | said"
      if (start == g.first && s.upos[g.first - 1] != Upos::cconj && relative_before(s, out.clause_of, before.head))
        starts[g.first] = true;
      break;
    }
  }
  out.clause_of = number_clauses(starts);
  for (VerbGroup& g : out.groups) g.clause = out.clause_of[g.head];
  inherit_directions(out, s);
  return out;
}

const VerbGroup* governing_group(const VerbGroups& groups, std::span<const Word> words, TextSpan span) {
  const std::size_t n = words.size();
  if (n == 0 || groups.groups.empty()) return nullptr;
  std::size_t first = n, last = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (words[k].span.overlaps(span)) {
      first = std::min(first, k);
      last = k + 1;
    }
  if (first == n) {
    first = 0;
    while (first < n && words[first].span.end <= span.begin) ++first;
    if (first == n) first = n - 1;
    last = first;
  }
  const std::size_t clause = groups.clause_of[first];
  const std::size_t last_clause = groups.clause_of[last > first ? last - 1 : first];

  // Distance of a group from the expression; groups after it count double past a conjunction.
  auto distance = [&](const VerbGroup& g) -> std::size_t {
    if (g.head < first) return first - g.head;
    if (g.first >= last) {
      std::size_t d = g.first - last + 2;   // verbs come before their adjuncts: ties go left
      for (std::size_t k = last; k < g.first; ++k)
        if (words[k].upos == Upos::cconj) d += 3;
      return d;
    }
    return 0;
  };
  auto nearest_in = [&](std::size_t c_lo, std::size_t c_hi) -> const VerbGroup* {
    const VerbGroup* best = nullptr;
    std::size_t best_d = 0;
    for (const VerbGroup& g : groups.groups) {
      if (g.clause < c_lo || g.clause > c_hi) continue;
      if (g.head >= first && g.head < last) continue;   // a verb inside the expression
      const std::size_t d = distance(g);
      if (!best || d < best_d) {
        best = &g;
        best_d = d;
      }
    }
    return best;
  };
  if (const VerbGroup* g = nearest_in(clause, last_clause)) return g;
  // A clause without a verb: a leading adverbial belongs to the clause after it, anything else
  // to the clause before.
  const bool leading = clause == 0;
  if (leading) return nearest_in(last_clause + 1, last_clause + 1);
  if (const VerbGroup* g = nearest_in(clause - 1, clause - 1)) return g;
  return nearest_in(last_clause + 1, last_clause + 1);
}

TimeDirection noun_modifier_direction(std::span<const Word> words, std::size_t first, std::string_view text) {
  if (first == 0 || first > words.size()) return TimeDirection::unknown;
  auto form = [&](std::size_t k) {
    std::string f(words[k].span.of(text));
    for (char& c : f)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return f;
  };
  const std::string before = form(first - 1);
  if (one_of(before, {"planned", "upcoming", "proposed", "scheduled", "expected", "coming", "forthcoming",
                      "anticipated", "prospective", "slated", "projected", "tentative", "promised", "pending",
                      "rescheduled", "envisaged", "impending", "due", "effective"}))
    return TimeDirection::future;
  if (one_of(before, {"previous", "former", "earlier", "recent", "past", "prior", "preceding"}))
    return TimeDirection::past;
  if (first >= 2 && one_of(before, {"for", "until", "till", "to"})) {
    // "talks scheduled for Friday", "postponed until March"
    const std::string verb = form(first - 2);
    if (one_of(verb, {"scheduled", "planned", "set", "slated", "due", "expected", "rescheduled", "postponed",
                      "delayed", "pushed", "penciled", "pencilled", "deferred", "adjourned", "moved"}))
      return TimeDirection::future;
  }
  if (first >= 2 && before == "on" && one_of(form(first - 2), {"due", "expected"})) return TimeDirection::future;
  if (before == "since") return TimeDirection::past;
  if (first >= 3 && before == "of" && form(first - 2) == "ahead") return TimeDirection::future;
  return TimeDirection::unknown;
}

}  // namespace chronicle::language
