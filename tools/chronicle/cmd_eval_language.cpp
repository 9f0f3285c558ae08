// chronicle eval pos: tagger and lemmatizer accuracy on gold tokenization (CoNLL-U).
// (chronicle eval ner will join it here.)

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "chronicle/language/evaluation.hpp"
#include "commands.hpp"
#include "common.hpp"

namespace chronicle::cli {
namespace {

struct EvalPosOptions {
  std::string conllu;
  std::string format;
};

int run_eval_pos(const EvalPosOptions& options) {
  Result<language::PosScores> scores = language::evaluate_pos_file(options.conllu);
  if (!scores) {
    report_error(scores.error().message);
    return kExitFailure;
  }
  if (options.format == "json") {
    nlohmann::ordered_json out{{"upos_accuracy", scores->upos_accuracy},
                               {"xpos_accuracy", scores->xpos_accuracy},
                               {"lemma_accuracy", scores->lemma_accuracy},
                               {"tokens", scores->tokens}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << fmt::format("UPOS accuracy   {:.4f}\nXPOS accuracy   {:.4f}\nlemma accuracy  {:.4f}\ntokens          {}\n",
                             scores->upos_accuracy, scores->xpos_accuracy, scores->lemma_accuracy, scores->tokens);
  }
  return kExitOk;
}

}  // namespace

void add_eval_language_subcommands(CLI::App& eval, Context& context) {
  auto options = std::make_shared<EvalPosOptions>();
  CLI::App* pos = eval.add_subcommand("pos", "part-of-speech and lemma accuracy on gold tokenization (CoNLL-U)");
  pos->add_option("--conllu", options->conllu, "gold CoNLL-U file (e.g. en_ewt-ud-test.conllu)")->required();
  add_format_option(*pos, options->format, {"text", "json"});
  pos->callback([options, &context] { context.exit_code = run_eval_pos(*options); });
}

}  // namespace chronicle::cli
