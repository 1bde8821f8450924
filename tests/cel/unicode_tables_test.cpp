// The Unicode tables behind \p{...} and (?i) in matches(): the classes
// have RE2's names and contents, and every table is well formed, since the
// regex engine's class arithmetic relies on sorted, disjoint ranges.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <set>
#include <string_view>

#include "cel/library/regex/unicode_tables.hpp"

using namespace rollgate::cel::detail::regex;

namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

// Every class name of Unicode 15.0.0 besides Any: the general categories
// (Cn is never listed), their one-letter unions, and the scripts of
// Scripts.txt.
constexpr std::string_view kCategories[] = {
    "C",  "Cc", "Cf", "Co", "Cs", "L",  "Ll", "Lm", "Lo", "Lt", "Lu", "M",
    "Mc", "Me", "Mn", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Pe", "Pf",
    "Pi", "Po", "Ps", "S",  "Sc", "Sk", "Sm", "So", "Z",  "Zl", "Zp", "Zs",
};
constexpr std::string_view kScripts[] = {
    "Adlam", "Ahom", "Anatolian_Hieroglyphs", "Arabic", "Armenian", "Avestan", "Balinese",
    "Bamum", "Bassa_Vah", "Batak", "Bengali", "Bhaiksuki", "Bopomofo", "Brahmi", "Braille",
    "Buginese", "Buhid", "Canadian_Aboriginal", "Carian", "Caucasian_Albanian", "Chakma",
    "Cham", "Cherokee", "Chorasmian", "Common", "Coptic", "Cuneiform", "Cypriot",
    "Cypro_Minoan", "Cyrillic", "Deseret", "Devanagari", "Dives_Akuru", "Dogra", "Duployan",
    "Egyptian_Hieroglyphs", "Elbasan", "Elymaic", "Ethiopic", "Georgian", "Glagolitic",
    "Gothic", "Grantha", "Greek", "Gujarati", "Gunjala_Gondi", "Gurmukhi", "Han", "Hangul",
    "Hanifi_Rohingya", "Hanunoo", "Hatran", "Hebrew", "Hiragana", "Imperial_Aramaic",
    "Inherited", "Inscriptional_Pahlavi", "Inscriptional_Parthian", "Javanese", "Kaithi",
    "Kannada", "Katakana", "Kawi", "Kayah_Li", "Kharoshthi", "Khitan_Small_Script", "Khmer",
    "Khojki", "Khudawadi", "Lao", "Latin", "Lepcha", "Limbu", "Linear_A", "Linear_B", "Lisu",
    "Lycian", "Lydian", "Mahajani", "Makasar", "Malayalam", "Mandaic", "Manichaean", "Marchen",
    "Masaram_Gondi", "Medefaidrin", "Meetei_Mayek", "Mende_Kikakui", "Meroitic_Cursive",
    "Meroitic_Hieroglyphs", "Miao", "Modi", "Mongolian", "Mro", "Multani", "Myanmar",
    "Nabataean", "Nag_Mundari", "Nandinagari", "New_Tai_Lue", "Newa", "Nko", "Nushu",
    "Nyiakeng_Puachue_Hmong", "Ogham", "Ol_Chiki", "Old_Hungarian", "Old_Italic",
    "Old_North_Arabian", "Old_Permic", "Old_Persian", "Old_Sogdian", "Old_South_Arabian",
    "Old_Turkic", "Old_Uyghur", "Oriya", "Osage", "Osmanya", "Pahawh_Hmong", "Palmyrene",
    "Pau_Cin_Hau", "Phags_Pa", "Phoenician", "Psalter_Pahlavi", "Rejang", "Runic", "Samaritan",
    "Saurashtra", "Sharada", "Shavian", "Siddham", "SignWriting", "Sinhala", "Sogdian",
    "Sora_Sompeng", "Soyombo", "Sundanese", "Syloti_Nagri", "Syriac", "Tagalog", "Tagbanwa",
    "Tai_Le", "Tai_Tham", "Tai_Viet", "Takri", "Tamil", "Tangsa", "Tangut", "Telugu", "Thaana",
    "Thai", "Tibetan", "Tifinagh", "Tirhuta", "Toto", "Ugaritic", "Vai", "Vithkuqi", "Wancho",
    "Warang_Citi", "Yezidi", "Yi", "Zanabazar_Square",
};

RangeTable table(std::string_view name) {
  RangeTable out;
  REQUIRE_MESSAGE(unicode_class(name, &out), name);
  return out;
}

bool contains(const RangeTable& t, char32_t c) {
  const auto* end = t.ranges + t.size;
  const auto* it = std::lower_bound(t.ranges, end, c,
                                    [](const CodepointRange& r, char32_t v) { return r.hi < v; });
  return it != end && it->lo <= c;
}

bool contains(std::string_view name, char32_t c) { return contains(table(name), c); }

uint64_t code_point_count(const RangeTable& t) {
  uint64_t n = 0;
  for (size_t i = 0; i < t.size; ++i) n += t.ranges[i].hi - t.ranges[i].lo + 1;
  return n;
}

// Sorted, disjoint and non-adjacent (adjacent ranges are merged), all
// within the code space.
bool well_formed(const RangeTable& t) {
  if (t.size == 0 || t.ranges == nullptr) return false;
  for (size_t i = 0; i < t.size; ++i) {
    const CodepointRange& r = t.ranges[i];
    if (r.lo > r.hi || r.hi > kMaxCodePoint) return false;
    if (i > 0 && r.lo <= t.ranges[i - 1].hi + 1) return false;
  }
  return true;
}

const CaseOrbitLink* link_from(char32_t c) {
  const auto* end = kCaseOrbitLinks + kCaseOrbitLinkCount;
  const auto* it = std::lower_bound(kCaseOrbitLinks, end, c,
                                    [](const CaseOrbitLink& l, char32_t v) { return l.from < v; });
  return it != end && it->from == c ? it : nullptr;
}

// The members of the orbit of `c`, following links until they come back;
// empty when a link is missing or the walk does not close in `limit` steps.
std::set<char32_t> orbit(char32_t c, int limit = 8) {
  std::set<char32_t> members{c};
  for (char32_t at = c; limit-- > 0;) {
    const CaseOrbitLink* link = link_from(at);
    if (link == nullptr) return {};
    at = link->next;
    if (at == c) return members;
    members.insert(at);
  }
  return {};
}

}  // namespace

TEST_CASE("a Unicode general category holds its code points and no others") {
  CHECK(contains("Lu", 'A'));
  CHECK(contains("Lu", 0xC0));  // LATIN CAPITAL LETTER A WITH GRAVE
  CHECK_FALSE(contains("Lu", 'a'));
  CHECK(contains("Ll", 'a'));
  CHECK(contains("Nd", '0'));
  CHECK(contains("Nd", 0x0660));  // ARABIC-INDIC DIGIT ZERO
  CHECK_FALSE(contains("Nd", 'x'));
  CHECK(contains("Zs", ' '));
  CHECK(contains("Cc", 0x00));
}

TEST_CASE("UnicodeData.txt's First/Last pairs give whole ranges") {
  CHECK(contains("L", 0x4E00));  // CJK Unified Ideographs: 4E00..9FFF
  CHECK(contains("Lo", 0x9FFF));
  CHECK(contains("L", 0xAC00));  // Hangul syllables: AC00..D7A3
  CHECK(contains("Lo", 0xD7A3));
  CHECK_FALSE(contains("Lo", 0xD7A4));
  const RangeTable cs = table("Cs");
  REQUIRE(cs.size == 1);
  CHECK(cs.ranges[0].lo == 0xD800);
  CHECK(cs.ranges[0].hi == 0xDFFF);
  CHECK(contains("Co", 0xE000));
  CHECK(contains("Co", 0xF8FF));
  CHECK(contains("Co", 0x10FFFD));  // plane 16 private use
}

TEST_CASE("one-letter Unicode categories are the unions of their two-letter ones") {
  const struct {
    std::string_view name;
    std::initializer_list<std::string_view> parts;
  } unions[] = {
      {"C", {"Cc", "Cf", "Co", "Cs"}},
      {"L", {"Ll", "Lm", "Lo", "Lt", "Lu"}},
      {"M", {"Mc", "Me", "Mn"}},
      {"N", {"Nd", "Nl", "No"}},
      {"P", {"Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps"}},
      {"S", {"Sc", "Sk", "Sm", "So"}},
      {"Z", {"Zl", "Zp", "Zs"}},
  };
  for (const auto& u : unions) {
    CAPTURE(u.name);
    const RangeTable whole = table(u.name);
    uint64_t parts_count = 0;  // the categories are disjoint
    for (std::string_view part : u.parts) {
      const RangeTable p = table(part);
      parts_count += code_point_count(p);
      for (size_t i = 0; i < p.size; ++i) {
        CHECK(contains(whole, p.ranges[i].lo));
        CHECK(contains(whole, p.ranges[i].hi));
      }
    }
    CHECK(code_point_count(whole) == parts_count);
  }
}

TEST_CASE("Unicode category C is Cc, Cf, Co and Cs, without unassigned code points") {
  CHECK(contains("C", 0x00));    // Cc
  CHECK(contains("C", 0xAD));    // Cf SOFT HYPHEN
  CHECK(contains("C", 0xD800));  // Cs
  CHECK(contains("C", 0xE000));  // Co
  CHECK_FALSE(contains("C", 0x0378));  // unassigned (Cn)
  CHECK_FALSE(contains("C", 'a'));
}

TEST_CASE("Unicode scripts are named as in Scripts.txt") {
  CHECK(contains("Greek", 0x03B1));  // GREEK SMALL LETTER ALPHA
  CHECK(contains("Han", 0x4E00));
  CHECK(contains("Latin", 'a'));
  CHECK_FALSE(contains("Latin", 0x03B1));
  CHECK(contains("Old_Italic", 0x10300));
  CHECK(contains("Common", '0'));
  CHECK(contains("Inherited", 0x0300));  // COMBINING GRAVE ACCENT
  CHECK(contains("Kawi", 0x11F00));      // new in Unicode 15.0
}

TEST_CASE("Unicode class Any is every code point in one range") {
  const RangeTable any = table("Any");
  REQUIRE(any.size == 1);
  CHECK(any.ranges[0].lo == 0);
  CHECK(any.ranges[0].hi == kMaxCodePoint);
}

TEST_CASE("Unicode class names are exact and case-sensitive") {
  RangeTable out;
  CHECK_FALSE(unicode_class("Klingon", &out));
  CHECK_FALSE(unicode_class("lu", &out));
  CHECK_FALSE(unicode_class("greek", &out));
  CHECK_FALSE(unicode_class("Greek ", &out));
  CHECK_FALSE(unicode_class("", &out));
  CHECK_FALSE(unicode_class("Cn", &out));  // unassigned is not listed
  CHECK_FALSE(unicode_class("Old Italic", &out));
  CHECK_FALSE(unicode_class("Zzzz", &out));  // script codes are not names
}

TEST_CASE("every Unicode class of 15.0 is known and well formed") {
  for (std::string_view name : kCategories) {
    CAPTURE(name);
    CHECK(well_formed(table(name)));
  }
  for (std::string_view name : kScripts) {
    CAPTURE(name);
    CHECK(well_formed(table(name)));
  }
  CHECK(well_formed(table("Any")));
}

TEST_CASE("the Unicode case orbit of k visits K, k and the Kelvin sign and returns") {
  CHECK(orbit('k') == std::set<char32_t>{'K', 'k', 0x212A});
  CHECK(orbit('K') == std::set<char32_t>{'K', 'k', 0x212A});
  REQUIRE(link_from('K') != nullptr);
  CHECK(link_from('K')->next == 'k');
  CHECK(link_from('k')->next == 0x212A);
  CHECK(link_from(0x212A)->next == 'K');
  CHECK(orbit('s') == std::set<char32_t>{'S', 's', 0x017F});  // LONG S
  CHECK(orbit(0x00DF) == std::set<char32_t>{0x00DF, 0x1E9E});  // status S
}

TEST_CASE("Unicode case orbit links are sorted by from and every orbit closes") {
  REQUIRE(kCaseOrbitLinkCount > 0);
  for (size_t i = 0; i < kCaseOrbitLinkCount; ++i) {
    const CaseOrbitLink& link = kCaseOrbitLinks[i];
    CAPTURE(static_cast<uint32_t>(link.from));
    if (i > 0) CHECK(kCaseOrbitLinks[i - 1].from < link.from);
    CHECK(link.next != link.from);
    CHECK(orbit(link.from).size() >= 2);
  }
}

TEST_CASE("a code point without a Unicode case variant has no orbit link") {
  CHECK(link_from('1') == nullptr);
  CHECK(link_from(0x4E00) == nullptr);
  // Dotted and dotless i fold only by statuses F and T, which are ignored.
  CHECK(link_from(0x0130) == nullptr);
  CHECK(link_from(0x0131) == nullptr);
  CHECK(orbit('i') == std::set<char32_t>{'I', 'i'});
}
