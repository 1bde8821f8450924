#!/usr/bin/env python3
"""Writes unicode_tables.cpp: the Unicode data of matches()'s regex engine.

The tables are those of unicode_tables.hpp, with RE2's semantics: every
general category in UnicodeData.txt but Cn, the one-letter unions L, M, N,
P, S, Z and C (C is Cc|Cf|Co|Cs, as in RE2), every script of Scripts.txt by
its name there, Any, and the simple case-folding orbits of CaseFolding.txt
(statuses C and S).

The checked-in unicode_tables.cpp was made from the Unicode Character
Database 15.0.0 as Debian packages it (unicode-data 15.0.0-1, bookworm),
which installs the files in /usr/share/unicode.  The build never runs this
script; rerun it by hand when moving to another Unicode version:

    apt-get install unicode-data     # or, without root:
    #   apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb DIR
    #   and pass DIR/usr/share/unicode below
    python3 generate_unicode_tables.py /usr/share/unicode unicode_tables.cpp

(with no output path it writes to standard output).  Python 3 standard
library only.
"""
import re
import sys
from collections import defaultdict
from pathlib import Path

MAX_CODE_POINT = 0x10FFFF
LINE_WIDTH = 100  # as the rest of lib/ keeps to
# The one-letter classes are unions of their two-letter categories; C leaves
# out Cn (unassigned), which is never listed, as in RE2.
UNIONS = {
    "C": ("Cc", "Cf", "Co", "Cs"),
    "L": ("Ll", "Lm", "Lo", "Lt", "Lu"),
    "M": ("Mc", "Me", "Mn"),
    "N": ("Nd", "Nl", "No"),
    "P": ("Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps"),
    "S": ("Sc", "Sk", "Sm", "So"),
    "Z": ("Zl", "Zp", "Zs"),
}


def data_lines(path):
    """The fields of each data line of a UCD file (comments dropped)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                yield [field.strip() for field in line.split(";")]


def file_version(path):
    """The version in a UCD file's first line ("# Scripts-15.0.0.txt")."""
    with open(path, encoding="utf-8") as f:
        match = re.search(r"-(\d+\.\d+\.\d+)\.txt", f.readline())
    if not match:
        sys.exit(f"{path}: no version in its first line")
    return match.group(1)


def code_range(text):
    """'0041' or '0041..005A' as (lo, hi)."""
    lo, _, hi = text.partition("..")
    return int(lo, 16), int(hi or lo, 16)


def merged(ranges):
    """Sorted, disjoint, non-adjacent ranges covering the same code points."""
    out = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def categories(ucd):
    """General category name -> ranges, from UnicodeData.txt.

    A '<Name, First>' line and the '<Name, Last>' line after it stand for
    the whole range between them (CJK, Hangul, private use, surrogates).
    """
    ranges = defaultdict(list)
    first = None
    for fields in data_lines(ucd / "UnicodeData.txt"):
        code, name, category = int(fields[0], 16), fields[1], fields[2]
        if name.endswith(", First>"):
            first = code
            continue
        if name.endswith(", Last>"):
            ranges[category].append((first, code))
            first = None
            continue
        ranges[category].append((code, code))
    ranges.pop("Cn", None)
    for union, parts in UNIONS.items():
        ranges[union] = [r for part in parts for r in ranges.get(part, [])]
    return {name: merged(r) for name, r in ranges.items()}


def scripts(ucd):
    """Script name -> ranges, from Scripts.txt."""
    ranges = defaultdict(list)
    for fields in data_lines(ucd / "Scripts.txt"):
        ranges[fields[1]].append(code_range(fields[0]))
    return {name: merged(r) for name, r in ranges.items()}


def orbit_links(ucd):
    """(from, next) for every member of every simple case-folding orbit.

    Code points that fold to the same value, with that value, form an
    orbit; each member links to the next larger one and the largest to
    the smallest, so that following links visits the orbit and returns.
    """
    orbits = defaultdict(set)
    for fields in data_lines(ucd / "CaseFolding.txt"):
        code, status, folded = fields[0], fields[1], fields[2]
        if status in ("C", "S"):  # F and T are full / Turkic foldings
            orbits[int(folded, 16)].update((int(code, 16), int(folded, 16)))
    links = []
    for members in orbits.values():
        ordered = sorted(members)
        links += zip(ordered, ordered[1:] + ordered[:1])
    return sorted(links)


def identifier(name):
    return "k" + name


def rows(items):
    """Items as indented lines, as many to a line as fit in LINE_WIDTH."""
    lines = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) <= LINE_WIDTH:
            lines[-1] += " " + item
        else:
            lines.append("    " + item)
    return "\n".join(lines)


def range_table(name, ranges):
    items = [f"{{0x{lo:X}, 0x{hi:X}}}," for lo, hi in ranges]
    return (f"constexpr CodepointRange {identifier(name)}[] = {{\n"
            f"{rows(items)}\n}};\n")


PROLOGUE = """\
// Generated by generate_unicode_tables.py from Unicode {version}; do not edit.
// Source: the Unicode Character Database (Debian's unicode-data package);
// rerun the generator (its docstring says how) to move to another version.
#include "cel/library/regex/unicode_tables.hpp"

#include <algorithm>
#include <iterator>

namespace rollgate::cel::detail::regex {{

namespace {{

"""

LOOKUP = """\
struct NamedTable {
  std::string_view name;
  RangeTable table;
};

// Sorted by name, for the binary search in unicode_class().
constexpr NamedTable kClasses[] = {
%s
};

constexpr bool names_sorted() {
  for (size_t i = 1; i < std::size(kClasses); ++i) {
    if (!(kClasses[i - 1].name < kClasses[i].name)) return false;
  }
  return true;
}
static_assert(names_sorted(), "unicode_class() searches kClasses by name");

}  // namespace

bool unicode_class(std::string_view name, RangeTable* out) {
  const auto* it = std::lower_bound(
      std::begin(kClasses), std::end(kClasses), name,
      [](const NamedTable& entry, std::string_view key) { return entry.name < key; });
  if (it == std::end(kClasses) || it->name != name) return false;
  *out = it->table;
  return true;
}

"""

EPILOGUE = """\
const size_t kCaseOrbitLinkCount = std::size(kCaseOrbitLinks);

}  // namespace rollgate::cel::detail::regex
"""


def source(version, classes, links):
    """The text of unicode_tables.cpp."""
    names = sorted(classes)  # ASCII names: Python's order is string_view's
    index = "\n".join(
        f'    {{"{n}", {{{identifier(n)}, std::size({identifier(n)})}}}},'
        for n in names)
    link_items = [f"{{0x{a:X}, 0x{b:X}}}," for a, b in links]
    return (PROLOGUE.format(version=version)
            + "\n".join(range_table(n, classes[n]) for n in names) + "\n"
            + LOOKUP % index
            + "const CaseOrbitLink kCaseOrbitLinks[] = {\n"
            + rows(link_items) + "\n};\n"
            + EPILOGUE)


def main(argv):
    if len(argv) not in (2, 3):
        sys.exit("usage: generate_unicode_tables.py UCD_DIR [OUTPUT.cpp]")
    ucd = Path(argv[1])
    version = file_version(ucd / "Scripts.txt")
    if file_version(ucd / "CaseFolding.txt") != version:
        sys.exit("Scripts.txt and CaseFolding.txt are of different versions")
    cats, scrs = categories(ucd), scripts(ucd)
    if set(cats) & set(scrs):
        sys.exit(f"names both category and script: {set(cats) & set(scrs)}")
    classes = {**cats, **scrs, "Any": [(0, MAX_CODE_POINT)]}
    links = orbit_links(ucd)
    text = source(version, classes, links)
    if len(argv) == 3:
        Path(argv[2]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(cats)} categories, {len(scrs)} scripts, "
          f"{len(links)} orbit links", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
