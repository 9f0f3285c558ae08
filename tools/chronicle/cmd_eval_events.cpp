// chronicle eval events --gold DIR: TempEval-3 Task B measures of event recognition.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/evaluation/event_eval.hpp"
#include "chronicle/events/extractor.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct EvalEventsOptions {
  std::string gold;
  std::string format;
  std::size_t top = 15;
};

void print_top(const char* title, const std::map<std::string, std::size_t>& counts, std::size_t n) {
  std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::cout << title;
  for (std::size_t i = 0; i < sorted.size() && i < n; ++i) std::cout << fmt::format(" {}({})", sorted[i].first, sorted[i].second);
  std::cout << '\n';
}

int run_eval_events(const EvalEventsOptions& options) {
  auto extractor = events::Extractor::load();
  if (!extractor) {
    report_error(extractor.error().message);
    return kExitFailure;
  }
  auto scores = evaluation::evaluate_events(options.gold, *extractor);
  if (!scores) {
    report_error(scores.error().message);
    return kExitFailure;
  }
  const evaluation::EventScores& s = *scores;
  if (options.format == "json") {
    nlohmann::ordered_json out{{"relaxed_f1", s.relaxed_f1},       {"strict_f1", s.strict_f1},
                               {"class_f1", s.class_f1},           {"tense_f1", s.tense_f1},
                               {"relaxed_precision", s.relaxed_precision}, {"relaxed_recall", s.relaxed_recall},
                               {"class_accuracy", s.class_accuracy}, {"tense_accuracy", s.tense_accuracy},
                               {"gold", s.gold},                   {"system", s.system},
                               {"docs", s.docs}};
    std::cout << out.dump() << '\n';
    return kExitOk;
  }
  std::cout << fmt::format("documents {}  gold events {}  system events {}\n", s.docs, s.gold, s.system);
  std::cout << fmt::format("relaxed span  P {:.3f}  R {:.3f}  F1 {:.3f}\n", s.relaxed_precision, s.relaxed_recall, s.relaxed_f1);
  std::cout << fmt::format("strict span   P {:.3f}  R {:.3f}  F1 {:.3f}\n", s.strict_precision, s.strict_recall, s.strict_f1);
  std::cout << fmt::format("class         accuracy {:.3f}  F1 {:.3f}\n", s.class_accuracy, s.class_f1);
  std::cout << fmt::format("tense         accuracy {:.3f}  F1 {:.3f}\n", s.tense_accuracy, s.tense_f1);
  print_top("most missed:  ", s.missed, options.top);
  print_top("most spurious:", s.spurious, options.top);
  return kExitOk;
}

}  // namespace

void add_eval_events_subcommand(CLI::App& eval, Context& context) {
  auto options = std::make_shared<EvalEventsOptions>();
  CLI::App* command = eval.add_subcommand("events", "TempEval-3 Task B: EVENT spans and classes against TimeML gold");
  command->add_option("--gold", options->gold, "directory of gold .tml files")->required();
  add_format_option(*command, options->format, {"text", "json"});
  command->add_option("--top", options->top, "how many missed and spurious words to list")->capture_default_str();
  command->callback([options, &context] { context.exit_code = run_eval_events(*options); });
}

}  // namespace chronicle::cli
