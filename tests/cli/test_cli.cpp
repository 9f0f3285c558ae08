#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "run.hpp"

using chronicle::test::read_file;
using chronicle::test::run_chronicle;
using chronicle::test::scratch_file;
using nlohmann::json;

namespace {

const std::string kCorpus = "corpus/kerry-moscow-2015";

std::vector<json> json_lines(const std::string& out) {
  std::vector<json> docs;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) docs.push_back(json::parse(line));
  return docs;
}

}  // namespace

TEST_CASE("inspect lists the five seed articles with their stated publication date", "[cli][inspect]") {
  auto run = run_chronicle({"inspect", "--format", "json", kCorpus});
  REQUIRE(run.status == 0);
  CHECK(run.err.empty());
  auto docs = json_lines(run.out);
  REQUIRE(docs.size() == 5);
  CHECK(docs[0]["doc"] == "000_5967e4d191867eed");
  CHECK(docs[4]["doc"] == "004_fa1156a0877fd16a");
  CHECK(docs[4]["title"] == "Kerry calls for common ground with Russian Federation on Syria, Ukraine");
  for (const json& d : docs) {
    CAPTURE(d["doc"]);
    CHECK(d["dct"] == "2015-12-15");
    CHECK(d["dct_source"] == "metadata");
    CHECK(d["sentences"].size() > 5);
  }
}

TEST_CASE("inspect sentences are exact file bytes and never end after Mr. or Dec.", "[cli][inspect][segment]") {
  auto run = run_chronicle({"inspect", "--format", "json", kCorpus});
  REQUIRE(run.status == 0);
  for (const json& d : json_lines(run.out)) {
    std::string bytes = read_file(std::string(CHRONICLE_SOURCE_DIR) + "/" + d["path"].get<std::string>());
    std::size_t body_begin = d["body"]["begin"];
    std::size_t last_end = body_begin;
    for (const json& s : d["sentences"]) {
      std::size_t b = s["begin"], e = s["end"];
      REQUIRE(b >= last_end);
      REQUIRE(e <= bytes.size());
      last_end = e;
      std::string sentence = bytes.substr(b, e - b);
      CAPTURE(sentence);
      CHECK(sentence.find_first_of(" \n") != 0);
      for (const char* abbreviation : {" Mr.", " Dec.", " Mrs.", " U.S."}) {
        std::string a = abbreviation;
        CHECK_FALSE((sentence.size() >= a.size() && sentence.compare(sentence.size() - a.size(), a.size(), a) == 0));
      }
    }
  }
}

TEST_CASE("boilerplate lines are kept as non-content sentences", "[cli][inspect][segment]") {
  auto run = run_chronicle({"inspect", "--format", "json", kCorpus + "/001_e22a757215c468e7.txt"});
  REQUIRE(run.status == 0);
  auto docs = json_lines(run.out);
  REQUIRE(docs.size() == 1);
  std::string bytes = read_file(std::string(CHRONICLE_SOURCE_DIR) + "/" + kCorpus + "/001_e22a757215c468e7.txt");
  std::vector<std::string> boilerplate;
  for (const json& s : docs[0]["sentences"])
    if (s.contains("content") && s["content"] == false)
      boilerplate.push_back(bytes.substr(s["begin"].get<std::size_t>(), s["end"].get<std::size_t>() - s["begin"].get<std::size_t>()));
  CHECK(boilerplate == std::vector<std::string>{"Share", "Advertisement", "Advertisement", "KERRY PUTIN RUSSIA"});
}

TEST_CASE("the --dct option dates undated documents and says the date came from the option", "[cli][inspect][dct]") {
  std::string path = scratch_file("undated.txt", "Kerry met Lavrov on Tuesday.\n");
  auto run = run_chronicle({"inspect", "--format", "json", "--dct", "2015-12-15", path, kCorpus + "/000_5967e4d191867eed.txt"});
  REQUIRE(run.status == 0);
  auto docs = json_lines(run.out);
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["dct"] == "2015-12-15");
  CHECK(docs[0]["dct_source"] == "option");
  CHECK(docs[1]["dct_source"] == "metadata");
}

TEST_CASE("a dateline gives an inferred publication date, never today's", "[cli][inspect][dct]") {
  std::string path = scratch_file("dateline.txt", "MOSCOW, Dec 15, 2015 (Reuters) - Kerry met Putin.\n");
  auto run = run_chronicle({"inspect", "--format", "json", path});
  REQUIRE(run.status == 0);
  auto docs = json_lines(run.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["dct"] == "2015-12-15");
  CHECK(docs[0]["dct_source"] == "inferred");
  std::string undated = scratch_file("undated2.txt", "Kerry met Putin on Tuesday.\n");
  auto none = json_lines(run_chronicle({"inspect", "--format", "json", undated}).out);
  REQUIRE(none.size() == 1);
  CHECK(none[0]["dct"].is_null());
  CHECK(none[0]["dct_source"] == "none");
}

TEST_CASE("bad files are reported by name, the others still processed, exit status 2", "[cli][inspect][errors]") {
  std::string bad = scratch_file("broken.txt", "---\ndate: 2015-02-30\n---\nText.\n");
  std::string binary = scratch_file("image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string empty = scratch_file("empty.txt", "");
  auto run = run_chronicle({"inspect", "--format", "json", bad, kCorpus + "/000_5967e4d191867eed.txt", binary, empty,
                            "no/such/file.txt"});
  CHECK(run.status == 2);
  CHECK(json_lines(run.out).size() == 1);
  CHECK_THAT(run.err, Catch::Contains("broken.txt: line 2: front matter date: '2015-02-30' is not a real date"));
  CHECK_THAT(run.err, Catch::Contains("image.txt: binary file"));
  CHECK_THAT(run.err, Catch::Contains("empty.txt: empty file"));
  CHECK_THAT(run.err, Catch::Contains("no/such/file.txt: no such file or directory"));
}

TEST_CASE("a bad --dct is refused before anything is read", "[cli][errors]") {
  auto run = run_chronicle({"inspect", "--dct", "2015-02-30", kCorpus});
  CHECK(run.status == 1);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("--dct 2015-02-30: '2015-02-30' is not a real date"));
}

TEST_CASE("every subcommand answers --help", "[cli]") {
  for (const char* command : {"inspect", "tag", "events", "build", "timeline", "query", "export", "eval"}) {
    auto run = run_chronicle({command, "--help"});
    CAPTURE(command);
    CHECK(run.status == 0);
    CHECK_THAT(run.out, Catch::Contains(std::string("Usage:")) && Catch::Contains(std::string(command)));
  }
  for (const char* command : {"inspect", "tag", "events", "timeline", "query", "export"})
    CHECK_THAT(run_chronicle({command, "--help"}).out, Catch::Contains("--format"));
}

TEST_CASE("events lists dated mentions with canonical actors for each seed article", "[cli][events]") {
  auto run = run_chronicle({"events", "--format", "json", kCorpus});
  REQUIRE(run.status == 0);
  auto docs = json_lines(run.out);
  REQUIRE(docs.size() == 5);
  bool moscow_talks = false;
  for (const json& d : docs) {
    std::string bytes = read_file(std::string(CHRONICLE_SOURCE_DIR) + "/" + d["path"].get<std::string>());
    for (const json& e : d["events"]) {
      std::size_t b = e["trigger"]["begin"], en = e["trigger"]["end"];
      REQUIRE(bytes.substr(b, en - b) == e["trigger"]["text"].get<std::string>());
      if (e["lemma"] == "talk" && !e["time"].is_null() && e["time"]["value"] == "2015-12-15" && e["location"] == "Moscow")
        moscow_talks = true;
      for (const json& actor : e["actors"]) {
        CHECK(actor != "Sergey Lavrov");  // one canonical name per actor
        CHECK(actor != "Kerry");
      }
    }
  }
  CHECK(moscow_talks);
}

TEST_CASE("the timeline of the seed corpus runs in date order and names its sources", "[cli][timeline]") {
  auto run = run_chronicle({"timeline", "--format", "json", kCorpus});
  REQUIRE(run.status == 0);
  json timeline = json::parse(run.out);
  std::string last;
  bool dec18 = false, jan1 = false, march2011 = false;
  for (const json& e : timeline["events"]) {
    REQUIRE_FALSE(e["mentions"].empty());
    if (e["time"].is_null()) continue;
    std::string begin = e["time"]["begin"].is_null() ? "" : e["time"]["begin"].get<std::string>();
    if (!begin.empty()) {
      CHECK(begin >= last);
      last = begin;
    }
    std::string value = e["time"]["value"];
    dec18 = dec18 || value == "2015-12-18";
    jan1 = jan1 || value == "2016-01-01";
    march2011 = march2011 || value == "2011-03";
  }
  CHECK(dec18);
  CHECK(jan1);
  CHECK(march2011);
}

namespace {

std::set<std::string> docs_of(const json& event) {
  std::set<std::string> docs;
  for (const json& m : event["mentions"]) docs.insert(m["doc"].get<std::string>().substr(0, 3));
  return docs;
}

bool has_actor(const json& event, const std::string& name) {
  for (const json& a : event["actors"])
    if (a == name) return true;
  return false;
}

}  // namespace

TEST_CASE("the pipeline merges the Moscow talks from all five articles and the New York meeting from four",
          "[cli][timeline][merge]") {
  auto run = run_chronicle({"timeline", "--format", "json", kCorpus});
  REQUIRE(run.status == 0);
  json timeline = json::parse(run.out);
  const json* talks = nullptr;
  const json* issg = nullptr;
  std::vector<std::string> values;
  for (const json& e : timeline["events"]) {
    if (e["time"].is_null()) continue;
    std::string value = e["time"]["value"];
    if (values.empty() || values.back() != value) values.push_back(value);
    // The most widely reported event of each day.
    if (value == "2015-12-15" && (!talks || docs_of(e).size() > docs_of(*talks).size())) talks = &e;
    if (value == "2015-12-18" && (!issg || docs_of(e).size() > docs_of(*issg).size())) issg = &e;
  }
  REQUIRE(talks != nullptr);
  CHECK(docs_of(*talks) == std::set<std::string>{"000", "001", "002", "003", "004"});
  CHECK((*talks)["location"] == "Moscow");
  CHECK(has_actor(*talks, "John Kerry"));
  CHECK(has_actor(*talks, "Sergei Lavrov"));
  CHECK(has_actor(*talks, "Vladimir Putin"));
  CHECK_FALSE((*talks)["merge_reasons"].empty());
  REQUIRE(issg != nullptr);
  // "NY" and "New York City" are one place; "International Syrian Support Group" and "ISSG"
  // are the International Syria Support Group.
  CHECK((*issg)["location"] == "New York City");
  CHECK(docs_of(*issg) == std::set<std::string>{"000", "001", "002", "004"});
  CHECK(has_actor(*issg, "International Syria Support Group"));
  for (const json& e : timeline["events"])
    if (&e != issg && !e["time"].is_null() && e["time"]["value"] == "2015-12-18")
      CHECK_FALSE((e["trigger"] == "meeting" || e["trigger"] == "talk" || e["trigger"] == "conference"));
  // The conflict's start and the planned ceasefire, with their place.
  bool conflict = false, ceasefire = false;
  for (const json& e : timeline["events"]) {
    if (e["time"].is_null()) continue;
    conflict = conflict || (e["time"]["value"] == "2011-03" && e["trigger"] == "conflict" && has_actor(e, "Syria"));
    ceasefire = ceasefire || (e["time"]["value"] == "2016-01-01" && e["trigger"] == "ceasefire" && e["location"] == "Syria" &&
                              !has_actor(e, "Russia"));
  }
  CHECK(conflict);
  CHECK(ceasefire);
  // The dates the articles give, in order: March 2011 -> 2012 -> September 2014 -> the week of
  // December 7 -> December 14 -> 15 -> 18 -> January 1, 2016.
  std::vector<std::string> expected{"2011-03", "2012", "2014-09", "2015-W50", "2015-12-14", "2015-12-15", "2015-12-18", "2016-01-01"};
  std::size_t next = 0;
  for (const std::string& v : values)
    if (next < expected.size() && v == expected[next]) ++next;
  CHECK(next == expected.size());
}

TEST_CASE("query by any alias of an actor gives the same answer", "[cli][query]") {
  auto a = run_chronicle({"query", "--actor", "Lavrov", "--format", "json", kCorpus});
  auto b = run_chronicle({"query", "--actor", "Sergey Lavrov", "--format", "json", kCorpus});
  REQUIRE(a.status == 0);
  CHECK(a.out == b.out);
  CHECK_FALSE(json::parse(a.out)["events"].empty());
}

TEST_CASE("tag reads direction from cue words by default, from the tagger's verb groups on request", "[cli][tag]") {
  // The cue oracle reads only the clause after the opening "In March,": no cue there, so the
  // nearer March; the verb groups find "killed".
  std::string path = scratch_file(
      "tense.txt", "In March, a week after the anniversary of the ruling, a bombing in the city killed a guard.\n");
  auto value_of = [](const std::string& out) {
    json doc = json_lines(out).at(0);
    return doc["timexes"].at(0)["value"].get<std::string>();
  };
  auto pos = run_chronicle({"tag", "--dct", "2015-12-15", "--tense", "pos", "--format", "json", path});
  REQUIRE(pos.status == 0);
  CHECK(value_of(pos.out) == "2015-03");
  auto cues = run_chronicle({"tag", "--dct", "2015-12-15", "--format", "json", path});
  REQUIRE(cues.status == 0);
  CHECK(value_of(cues.out) == "2016-03");
}

TEST_CASE("tag --format timeml of a TempEval-3 file keeps its TEXT byte for byte and its DCT as t0", "[cli][tag][timeml]") {
  // What the TempEval-3 toolkit checks before scoring: the TEXT without tags is the gold's, with
  // no entity but &amp; (its normalizer accepts no other), the DCT is <DCT><TIMEX3 tid="t0", and
  // the tids of TEXT are unique.
  const std::string gold_text =
      "\n\"We will meet <TIMEX3 tid=\"t5\" type=\"DATE\" value=\"1998-03-10\">Tuesday</TIMEX3>,\" said the "
      "AT&amp;T chief, whose shares <EVENT eid=\"e1\" class=\"OCCURRENCE\">rose</EVENT> > 5% on "
      "<TIMEX3 tid=\"t6\" type=\"DATE\" value=\"1998-03-05\">Thursday</TIMEX3>.\n";
  const std::string path = scratch_file("wire_quotes.tml",
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>wire_quotes</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-03-06\" temporalFunction=\"false\" "
      "functionInDocument=\"CREATION_TIME\">19980306</TIMEX3></DCT>\n<TEXT>" + gold_text + "</TEXT>\n</TimeML>\n");
  auto run = run_chronicle({"tag", "--format", "timeml", path});
  REQUIRE(run.status == 0);
  const std::string& tml = run.out;
  CHECK(tml.find("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-03-06\"") != std::string::npos);
  const std::size_t open = tml.find("<TEXT>");
  const std::size_t close = tml.find("</TEXT>");
  REQUIRE(open != std::string::npos);
  REQUIRE(close != std::string::npos);
  const std::string text = tml.substr(open + 6, close - open - 6);
  auto without_tags = [](const std::string& s) {
    std::string out;
    bool in_tag = false;
    for (char c : s) {
      if (c == '<') in_tag = true;
      else if (c == '>' && in_tag) in_tag = false;
      else if (!in_tag) out += c;
    }
    return out;
  };
  CHECK(without_tags(text) == without_tags(gold_text));
  CHECK(text.find("&quot;") == std::string::npos);
  CHECK(text.find("&gt;") == std::string::npos);
  std::set<std::string> tids;
  std::size_t timexes = 0;
  for (std::size_t at = text.find("<TIMEX3 tid=\""); at != std::string::npos; at = text.find("<TIMEX3 tid=\"", at + 1)) {
    ++timexes;
    tids.insert(text.substr(at + 13, text.find('"', at + 13) - at - 13));
  }
  CHECK(timexes == 2);   // Tuesday, Thursday
  CHECK(tids.size() == timexes);
  CHECK_FALSE(tids.count("t0"));
}
