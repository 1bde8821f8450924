// The standard functions beyond the operators: conversions, string
// functions, timestamp and duration arithmetic and accessors.
#include "test_helpers.hpp"

#include <fstream>

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

TEST_CASE("int() converts and rejects values out of range") {
  CHECK(eval_text("int(42u)") == "42");
  CHECK(eval_text("int(-3.9)") == "-3");
  CHECK(eval_text("int('-17')") == "-17");
  CHECK(eval_text("int(timestamp('2009-02-13T23:31:30Z'))") == "1234567890");
  CHECK(eval_text("int(18446744073709551615u)").starts_with("error(range"));
  CHECK(eval_text("int(1e19)").starts_with("error(range"));
  CHECK(eval_text("int(0.0/0.0)").starts_with("error(range"));
  CHECK(eval_text("int('1.5')").starts_with("error("));
  CHECK(eval_text("int('')").starts_with("error("));
}

TEST_CASE("uint() converts and rejects negatives") {
  CHECK(eval_text("uint(42)") == "42u");
  CHECK(eval_text("uint(2.9)") == "2u");
  CHECK(eval_text("uint('18446744073709551615')") == "18446744073709551615u");
  CHECK(eval_text("uint(-1)").starts_with("error(range"));
  CHECK(eval_text("uint(-1.0)").starts_with("error(range"));
  CHECK(eval_text("uint('-1')").starts_with("error("));
}

TEST_CASE("double() converts numbers and numeric text") {
  CHECK(eval_text("double(3)") == "3.0");
  CHECK(eval_text("double(3u)") == "3.0");
  CHECK(eval_text("double('2.5e3')") == "2500.0");
  CHECK(eval_text("double('-inf')") == "double(\"-Infinity\")");
  CHECK(eval_text("double('abc')").starts_with("error("));
}

TEST_CASE("string() formats every scalar") {
  CHECK(eval_text("string(-12)") == "\"-12\"");
  CHECK(eval_text("string(12u)") == "\"12\"");
  CHECK(eval_text("string(1.5)") == "\"1.5\"");
  CHECK(eval_text("string(1000000.0)") == "\"1e+06\"");
  CHECK(eval_text("string(0.0001)") == "\"0.0001\"");
  CHECK(eval_text("string(true)") == "\"true\"");
  CHECK(eval_text("string(b'abc')") == "\"abc\"");
  CHECK(eval_text("string(b'\\xff')").starts_with("error(invalid UTF-8"));
  CHECK(eval_text("string(timestamp('2026-11-22T12:00:00+02:00'))") ==
        "\"2026-11-22T10:00:00Z\"");
  CHECK(eval_text("string(duration('1.5h'))") == "\"5400s\"");
}

TEST_CASE("bytes(), bool() and dyn()") {
  CHECK(eval_text("bytes('é')") == "b\"\\xc3\\xa9\"");
  CHECK(eval_text("bool('true')") == "true");
  CHECK(eval_text("bool('F')") == "false");
  CHECK(eval_text("bool('yes')").starts_with("error("));
  CHECK(eval_text("dyn(1) + 2") == "3");
}

TEST_CASE("type() returns comparable type values") {
  CHECK(eval_text("type(1)") == "int");
  CHECK(eval_text("type(1) == int") == "true");
  CHECK(eval_text("type(1u) == int") == "false");
  CHECK(eval_text("type([1]) == type(['a'])") == "true");
  CHECK(eval_text("type({}) == map") == "true");
  CHECK(eval_text("type(type(1)) == type") == "true");
  CHECK(eval_text("type(null) == null_type") == "true");
  CHECK(eval_text("type(duration('1s')) == google.protobuf.Duration") == "true");
}

TEST_CASE("contains, startsWith and endsWith") {
  CHECK(eval_text("'rollout'.contains('llo')") == "true");
  CHECK(eval_text("'rollout'.contains('xyz')") == "false");
  CHECK(eval_text("'rollout'.startsWith('roll')") == "true");
  CHECK(eval_text("'rollout'.endsWith('out')") == "true");
  CHECK(eval_text("'rollout'.endsWith('roll')") == "false");
  CHECK(eval_text("''.contains('')") == "true");
  CHECK(compile_error("'a'.startsWith(1)") ==
        "found no matching overload for 'startsWith' applied to 'string.(int)'");
}

TEST_CASE("matches() searches for the pattern anywhere, by code point") {
  CHECK(eval_text("'release-2024'.matches('[0-9]{4}')") == "true");
  CHECK(eval_text("'release'.matches('^rel')") == "true");
  CHECK(eval_text("'release'.matches('^lease')") == "false");
  CHECK(eval_text("matches('mañana', '^ma(ñ)+ana$')") == "true");
  CHECK(eval_text("'ABC'.matches('(?i)abc')") == "true");
  CHECK(eval_text("'x'.matches('(')").starts_with("error(invalid regular expression"));
}

TEST_CASE("timestamp and duration arithmetic") {
  CHECK(eval_text("timestamp('2020-01-01T00:00:00Z') + duration('36h')") ==
        "timestamp(\"2020-01-02T12:00:00Z\")");
  CHECK(eval_text("duration('1s') + timestamp('2020-01-01T00:00:00Z')") ==
        "timestamp(\"2020-01-01T00:00:01Z\")");
  CHECK(eval_text("timestamp('2020-01-01T00:00:00Z') - duration('0.5s')") ==
        "timestamp(\"2019-12-31T23:59:59.500Z\")");
  CHECK(eval_text("timestamp('2020-01-02T00:00:00Z') - timestamp('2020-01-01T00:00:00Z')") ==
        "duration(\"86400s\")");
  CHECK(eval_text("duration('1h') - duration('90m')") == "duration(\"-1800s\")");
  CHECK(eval_text("duration('1.5s') + duration('0.75s')") == "duration(\"2.25s\")");
}

TEST_CASE("timestamp and duration arithmetic outside CEL's range is an error") {
  CHECK(eval_text("timestamp('9999-12-31T23:59:59Z') + duration('1s')").starts_with("error("));
  CHECK(eval_text("timestamp('0001-01-01T00:00:00Z') - duration('1ns')").starts_with("error("));
  CHECK(eval_text("duration('200000000000s') + duration('200000000000s')")
            .starts_with("error("));
  CHECK(eval_text("timestamp('10000-01-01T00:00:00Z')").starts_with("error("));
  CHECK(eval_text("duration('1x')").starts_with("error("));
}

TEST_CASE("timestamp accessors in UTC") {
  const std::string t = "timestamp('2009-02-13T23:31:30.123Z')";
  CHECK(eval_text(t + ".getFullYear()") == "2009");
  CHECK(eval_text(t + ".getMonth()") == "1");  // zero-based
  CHECK(eval_text(t + ".getDayOfMonth()") == "12");  // zero-based
  CHECK(eval_text(t + ".getDate()") == "13");  // one-based
  CHECK(eval_text(t + ".getDayOfYear()") == "43");
  CHECK(eval_text(t + ".getDayOfWeek()") == "5");  // Friday
  CHECK(eval_text(t + ".getHours()") == "23");
  CHECK(eval_text(t + ".getMinutes()") == "31");
  CHECK(eval_text(t + ".getSeconds()") == "30");
  CHECK(eval_text(t + ".getMilliseconds()") == "123");
  CHECK(eval_text("timestamp('1969-12-31T23:59:59Z').getDayOfWeek()") == "3");
}

TEST_CASE("timestamp accessors in a fixed offset or a named zone") {
  const std::string t = "timestamp('2009-02-13T23:31:30Z')";
  CHECK(eval_text(t + ".getHours('+02:00')") == "1");
  CHECK(eval_text(t + ".getHours('02:00')") == "1");
  CHECK(eval_text(t + ".getDate('-09:30')") == "13");
  CHECK(eval_text(t + ".getHours('UTC')") == "23");
  CHECK(eval_text(t + ".getHours('Nowhere/Atlantis')").starts_with("error(unknown time zone"));
  CHECK(eval_text(t + ".getHours('../../etc/passwd')").starts_with("error(unknown time zone"));
}

TEST_CASE("named time zones follow daylight saving time" *
          doctest::skip(!std::ifstream("/usr/share/zoneinfo/Europe/Paris").good())) {
  CHECK(eval_text("timestamp('2024-01-15T12:00:00Z').getHours('Europe/Paris')") == "13");
  CHECK(eval_text("timestamp('2024-07-15T12:00:00Z').getHours('Europe/Paris')") == "14");
  CHECK(eval_text("timestamp('2009-02-13T23:31:30Z').getMinutes('Asia/Kathmandu')") == "16");
}

TEST_CASE("duration accessors give totals, milliseconds within the second") {
  CHECK(eval_text("duration('10000s').getHours()") == "2");
  CHECK(eval_text("duration('3730s').getMinutes()") == "62");
  CHECK(eval_text("duration('3730.5s').getSeconds()") == "3730");
  CHECK(eval_text("duration('123.321456789s').getMilliseconds()") == "321");
}

TEST_CASE("named time zones use the zone's rule after its last listed transition" *
          doctest::skip(!std::ifstream("/usr/share/zoneinfo/Europe/London").good())) {
  CHECK(eval_text("timestamp('2100-03-28T00:59:59Z').getHours('Europe/London')") == "0");
  CHECK(eval_text("timestamp('2100-03-28T01:00:00Z').getHours('Europe/London')") == "2");
  CHECK(eval_text("timestamp('2100-10-31T00:59:59Z').getHours('Europe/London')") == "1");
  CHECK(eval_text("timestamp('2100-10-31T01:00:00Z').getHours('Europe/London')") == "1");
  CHECK(eval_text("timestamp('2100-01-15T12:00:00Z').getHours('Australia/Sydney')") == "23");
  CHECK(eval_text("timestamp('2100-07-01T12:00:00Z').getHours('Australia/Sydney')") == "22");
}

TEST_CASE("namespaced functions: math.* and base64.*") {
  CHECK(eval_text("math.greatest(1, 5u, 3.5)") == "5u");
  CHECK(eval_text("math.least([4, -2, 9])") == "-2");
  CHECK(eval_text("math.abs(-3)") == "3");
  CHECK(eval_text("math.abs(-9223372036854775808)") == "error(integer overflow)");
  CHECK(eval_text("math.round(2.5)") == "3.0");
  CHECK(eval_text("math.bitShiftRight(-1024, 3)") == "2305843009213693824");
  CHECK(eval_text("base64.encode(b'hi')") == "\"aGk=\"");
  CHECK(eval_text("base64.decode('aGk')") == "b\"hi\"");
  CHECK(compile_error("math.abs('x')") ==
        "found no matching overload for 'math.abs' applied to '(string)'");
}

TEST_CASE("namespaced functions take precedence over a variable of that name") {
  Facts f;
  f.add("math", Type::map(Type::string(), Type::int64()),
        Value::map({{Value::string("pi"), Value::int64(3)}}));
  CHECK(eval_text("math.abs(-2) + math.pi", f) == "5");
}

TEST_CASE("cel.bind names a value for use in an expression") {
  CHECK(eval_text("cel.bind(x, 'ab', x + x)") == "\"abab\"");
  CHECK(eval_text("cel.bind(a, 2, cel.bind(b, 3, a * b))") == "6");
  CHECK(compile_error("cel.bind(x, 1, y)") == "undeclared reference to 'y'");
}

TEST_CASE("two-variable comprehensions see the index or key as well") {
  CHECK(eval_text("['a', 'b'].all(i, v, i < 2 && v != '')") == "true");
  CHECK(eval_text("{'a': 1, 'b': 2}.exists(k, v, k == 'b' && v == 2)") == "true");
  CHECK(eval_text("[5, 7].existsOne(i, v, v == 7)") == "true");
  CHECK(eval_text("[10, 20].transformList(i, v, i + v)") == "[10, 21]");
  CHECK(eval_text("[10, 20].transformList(i, v, i > 0, v)") == "[20]");
  CHECK(eval_text("{'a': 1}.transformMap(k, v, v * 10)") == "{\"a\": 10}");
  CHECK(compile_error("[1].all(i, i, true)") == "duplicate variable name 'i'");
}

TEST_CASE("string extension functions index by code point") {
  CHECK(eval_text("'ta©o'.charAt(2)") == "\"©\"");
  CHECK(eval_text("'ta©o©'.indexOf('©', 3)") == "4");
  CHECK(eval_text("'ta©o©'.lastIndexOf('©')") == "4");
  CHECK(eval_text("'ta©o'.substring(1, 3)") == "\"a©\"");
  CHECK(eval_text("'abc'.substring(2, 1)").starts_with("error(invalid substring range"));
  CHECK(eval_text("'abc'.charAt(4)") == "error(index out of range: 4)");
  CHECK(eval_text("'a,b,c'.split(',')") == "[\"a\", \"b\", \"c\"]");
  CHECK(eval_text("'a,b,c'.split(',', 2)") == "[\"a\", \"b,c\"]");
  CHECK(eval_text("['a', 'b'].join('+')") == "\"a+b\"");
  CHECK(eval_text("'aXbX'.replace('X', '-', 1)") == "\"a-bX\"");
  CHECK(eval_text("'  padded \\t'.trim()") == "\"padded\"");
  CHECK(eval_text("'MiXeD'.lowerAscii() + 'MiXeD'.upperAscii()") == "\"mixedMIXED\"");
  CHECK(eval_text("strings.quote('a\"b\\n')") == "\"\\\"a\\\\\\\"b\\\\n\\\"\"");
}

TEST_CASE("format() fills %s %d %f %e %x %o %b clauses in order") {
  CHECK(eval_text("'%s has %d open incidents'.format(['api', 2])") ==
        "\"api has 2 open incidents\"");
  CHECK(eval_text("'%.2f%%'.format([99.456])") == "\"99.46%\"");
  CHECK(eval_text("'%x %X %o %b'.format([255, 255, 8, 5])") == "\"ff FF 10 101\"");
  CHECK(eval_text("'%e'.format([1234.5])") == "\"1.234500e+03\"");
  CHECK(eval_text("'%s'.format([{'b': 1, 'a': [true, null]}])") ==
        "\"{a: [true, null], b: 1}\"");
  CHECK(eval_text("'%d %d'.format([1])") == "error(index 1 out of range)");
  CHECK(eval_text("'%q'.format([1])").starts_with("error(could not parse formatting clause"));
  CHECK(eval_text("'%d'.format(['x'])").starts_with("error(error during formatting"));
}
