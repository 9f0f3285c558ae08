// chronicle eval ner: entity-level precision, recall and F1 of the recognizer on gold tokens.
//
//   chronicle eval ner --iob2 en_ewt-ud-test.iob2 [--format json|text]

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/entities/evaluation.hpp"
#include "chronicle/entities/iob.hpp"
#include "chronicle/entities/recognizer.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct EvalNerOptions {
  std::string iob2;
  std::string format;
};

void print_json(const entities::EntityScores& s) {
  nlohmann::ordered_json out{{"precision", s.overall.precision()},
                             {"recall", s.overall.recall()},
                             {"f1", s.overall.f1()},
                             {"entities", s.overall.gold}};
  std::cout << out.dump() << '\n';
}

void print_text(const entities::EntityScores& s, const std::string& path) {
  std::cout << fmt::format("{}: {} sentences, {} tokens, {} gold entities, {} predicted\n", path, s.sentences,
                           s.tokens, s.overall.gold, s.overall.predicted);
  auto line = [](std::string_view name, const entities::EntityCounts& c) {
    std::cout << fmt::format("{:<8} precision {:6.2f}%  recall {:6.2f}%  F1 {:6.2f}%  ({} gold, {} correct)\n", name,
                             100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.gold, c.correct);
  };
  line("overall", s.overall);
  for (const auto& [type, counts] : s.by_type) line(type, counts);
}

int run_eval_ner(const EvalNerOptions& options) {
  auto gold = entities::read_iob_file(options.iob2, entities::IobFormat::iob2);
  if (!gold) {
    report_error(gold.error().message);
    return kExitFailure;
  }
  auto recognizer = entities::Recognizer::load();
  if (!recognizer) {
    report_error(recognizer.error().message);
    return kExitFailure;
  }
  entities::EntityScores scores = entities::evaluate(*recognizer, *gold);
  if (options.format == "json")
    print_json(scores);
  else
    print_text(scores, options.iob2);
  return kExitOk;
}

}  // namespace

void add_eval_entities_subcommands(CLI::App& eval, Context& context) {
  auto options = std::make_shared<EvalNerOptions>();
  CLI::App* command = eval.add_subcommand("ner", "named-entity recognizer against IOB2 gold (exact-match entities)");
  command->add_option("--iob2", options->iob2, "gold file: index, token, tag per line (Universal NER)")
      ->required()
      ->check(CLI::ExistingFile);
  add_format_option(*command, options->format, {"text", "json"});
  command->callback([options, &context] { context.exit_code = run_eval_ner(*options); });
}

}  // namespace chronicle::cli
