#pragma once
// XML escaping for the TimeML writers (temporal's `tag --format timeml`, render's export).

#include <string>
#include <string_view>

namespace chronicle {

/// Appends `text` as XML character data, escaping only what XML requires — & and <, and the > of
/// "]]>" — so that quotes and > stay as in the source. TimeML keeps a document's text byte for
/// byte, and the TempEval-3 toolkit's normalizer compares the raw TEXT with the gold file's and
/// accepts no entity but &amp; (a &quot; where the gold has '"' stops it).
void append_xml_text(std::string& out, std::string_view text);

/// Appends `text` as a double-quoted attribute value (&, <, >, " escaped).
void append_xml_attribute(std::string& out, std::string_view text);

}  // namespace chronicle
