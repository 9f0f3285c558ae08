// Names of the event model's enumerations, as TimeML writes them.

#include <array>

#include "chronicle/events/mention.hpp"

namespace chronicle::events {
namespace {

constexpr std::array<std::string_view, 7> kClassNames{"OCCURRENCE", "REPORTING", "STATE",     "I_ACTION",
                                                      "I_STATE",    "ASPECTUAL", "PERCEPTION"};
constexpr std::array<std::string_view, 7> kTenseNames{"PAST",     "PRESENT",  "FUTURE", "INFINITIVE",
                                                      "PRESPART", "PASTPART", "NONE"};
constexpr std::array<std::string_view, 2> kPolarityNames{"POS", "NEG"};

}  // namespace

std::string_view to_string(EventClass c) { return kClassNames.at(static_cast<std::size_t>(c)); }
std::string_view to_string(Tense t) { return kTenseNames.at(static_cast<std::size_t>(t)); }
std::string_view to_string(Polarity p) { return kPolarityNames.at(static_cast<std::size_t>(p)); }

}  // namespace chronicle::events
