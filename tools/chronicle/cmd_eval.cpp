// chronicle eval timex: TempEval-3 Task A measures of the temporal tagger against TimeML gold.

#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/core/resources.hpp"
#include "chronicle/evaluation/timex_eval.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct EvalOptions {
  std::string gold;
  std::string format;
  std::string errors;
  std::string resources;
  std::string tense;
};

nlohmann::ordered_json scores_json(const evaluation::TimexScores& s) {
  nlohmann::ordered_json out{{"relaxed_f1", s.relaxed_f1},
                             {"strict_f1", s.strict_f1},
                             {"type_f1", s.type_f1},
                             {"value_f1", s.value_f1},
                             {"docs", s.docs},
                             {"relaxed_precision", s.relaxed_precision},
                             {"relaxed_recall", s.relaxed_recall},
                             {"strict_precision", s.strict_precision},
                             {"strict_recall", s.strict_recall},
                             {"type_accuracy", s.type_accuracy},
                             {"value_accuracy", s.value_accuracy},
                             {"gold", s.gold},
                             {"system", s.system},
                             {"value_f1_accepting_gold_conventions", s.value_f1_accepting_gold_conventions}};
  std::map<std::string, std::size_t> kinds;
  std::map<std::string, std::size_t> conventions;
  for (const auto& e : s.errors) {
    ++kinds[std::string(evaluation::to_string(e.kind))];
    if (e.convention) ++conventions[std::string(evaluation::to_string(*e.convention))];
  }
  out["errors"] = kinds;
  out["gold_conventions"] = conventions;
  return out;
}

std::string error_line(const evaluation::TimexError& e) {
  auto ann = [](const std::optional<evaluation::TimexAnnotation>& a, const std::string& text) {
    return a ? fmt::format("\"{}\" {} {}{}", text, a->type, a->value, a->rule.empty() ? "" : " [" + a->rule + "]")
             : std::string("-");
  };
  const std::string kind = e.convention ? fmt::format("{}/{}", evaluation::to_string(e.kind),
                                                      evaluation::to_string(*e.convention))
                                       : std::string(evaluation::to_string(e.kind));
  return fmt::format("{}\t{}\t{}\tgold {}\tsystem {}\t{}", kind, e.doc, e.dct,
                     ann(e.gold, e.gold_text), ann(e.system, e.system_text), e.context);
}

void print_text(const evaluation::TimexScores& s, bool with_errors) {
  std::cout << fmt::format("documents {}  gold {}  system {}\n", s.docs, s.gold, s.system);
  std::cout << fmt::format("strict   P {:.4f}  R {:.4f}  F1 {:.4f}\n", s.strict_precision, s.strict_recall, s.strict_f1);
  std::cout << fmt::format("relaxed  P {:.4f}  R {:.4f}  F1 {:.4f}\n", s.relaxed_precision, s.relaxed_recall, s.relaxed_f1);
  std::cout << fmt::format("type     accuracy {:.4f}  F1 {:.4f}\n", s.type_accuracy, s.type_f1);
  std::cout << fmt::format("value    accuracy {:.4f}  F1 {:.4f}\n", s.value_accuracy, s.value_f1);
  std::cout << fmt::format("value F1 accepting gold conventions {:.4f} (not the official measure: {} value "
                           "mismatches are gold conventions)\n",
                           s.value_f1_accepting_gold_conventions, s.value_gold_convention);
  std::map<evaluation::TimexErrorKind, std::vector<const evaluation::TimexError*>> groups;
  for (const auto& e : s.errors) groups[e.kind].push_back(&e);
  for (const auto& [kind, list] : groups) {
    std::cout << fmt::format("\n{} ({})\n", evaluation::to_string(kind), list.size());
    if (!with_errors) continue;
    for (const auto* e : list) std::cout << "  " << error_line(*e) << '\n';
  }
}

int run_eval_timex(const EvalOptions& options) {
  if (!options.resources.empty()) resources::set_override_dir(options.resources);
  const temporal::Tagger* tagger = nullptr;
  const temporal::TenseOracle* oracle = nullptr;  // nullptr: the tagger's cue oracle
  if (!load_temporal(options.tense, tagger, oracle)) return kExitFailure;
  auto scores = evaluation::evaluate_timex(options.gold, *tagger, oracle);
  if (!scores) {
    report_error(scores.error().message);
    return kExitFailure;
  }
  if (!options.errors.empty()) {
    std::ofstream out(options.errors);
    if (!out) {
      report_error(fmt::format("{}: cannot write", options.errors));
      return kExitFailure;
    }
    for (const auto& e : scores->errors) out << error_line(e) << '\n';
  }
  if (options.format == "json")
    std::cout << scores_json(*scores).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else
    print_text(*scores, options.errors.empty());
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app, Context& context) {
  CLI::App* eval = app.add_subcommand("eval", "measures against gold annotations");
  eval->require_subcommand(1);
  add_eval_language_subcommands(*eval, context);
  add_eval_entities_subcommands(*eval, context);
  add_eval_events_subcommand(*eval, context);
  auto options = std::make_shared<EvalOptions>();
  CLI::App* timex = eval->add_subcommand("timex", "TempEval-3 Task A: TIMEX3 spans, types and values");
  timex->add_option("--gold", options->gold, "directory of TimeML gold files (.tml)")->required();
  add_format_option(*timex, options->format, {"text", "json"});
  add_tense_option(*timex, options->tense);
  timex->add_option("--errors", options->errors, "write every error (kind, doc, gold, system, context) to FILE");
  timex->add_option("--resources", options->resources,
                    "read rules and lexicons from DIR (e.g. lib/resources) instead of the embedded ones");
  timex->callback([options, &context] { context.exit_code = run_eval_timex(*options); });
}

}  // namespace chronicle::cli
