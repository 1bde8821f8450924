// Status codes and error objects of the C ABI.
#include <cstdlib>
#include <cstring>
#include <memory>

#include "capi_internal.hpp"

namespace rollgate::capi {

namespace {

// The kind of a problem made without one (docs/ERRORS.md): the status
// code's.  Loaders give their problems precise kinds.
const char* default_kind(rollgate_status code) {
  switch (code) {
    case ROLLGATE_EINVAL: return "invalid-argument";
    case ROLLGATE_EJSON: return "json-syntax";
    case ROLLGATE_ENOMEM: return "out-of-memory";
    case ROLLGATE_ELIMIT: return "limit";
    case ROLLGATE_ECANCELLED: return "cancelled";
    case ROLLGATE_ETIMEOUT: return "timeout";
    case ROLLGATE_EINTERNAL: return "internal";
    default: return "bad-value";  // EPLAN, EINPUT
  }
}

rollgate_subject_kind subject_kind_of(const std::string& kind) {
  if (kind == "stage") return ROLLGATE_SUBJECT_STAGE;
  if (kind == "gate") return ROLLGATE_SUBJECT_GATE;
  if (kind == "fact") return ROLLGATE_SUBJECT_FACT;
  return ROLLGATE_SUBJECT_NONE;
}

}  // namespace

rollgate_status fail(rollgate_error** err, rollgate_status code, std::vector<Diagnostic> problems) {
  if (!err) return code;
  for (Diagnostic& d : problems)
    if (d.kind.empty()) d.kind = default_kind(code);
  // Owned here until complete: building the message may run out of memory.
  auto e = std::make_unique<rollgate_error>();
  e->code = code;
  e->message = to_string(problems);
  e->problems = std::move(problems);
  *err = e.release();
  return code;
}

rollgate_status fail(rollgate_error** err, rollgate_status code, std::string message) {
  Diagnostic d;
  d.message = std::move(message);
  return fail(err, code, std::vector<Diagnostic>{std::move(d)});
}

rollgate_status fail(rollgate_error** err, rollgate_status code, DiagnosticKind kind, std::string message,
                     std::string suggestion) {
  Diagnostic d;
  d.kind = to_string(kind);
  d.message = std::move(message);
  d.suggestion = std::move(suggestion);
  return fail(err, code, std::vector<Diagnostic>{std::move(d)});
}

rollgate_status null_argument(rollgate_error** err, const char* function, const char* argument) {
  return fail(err, ROLLGATE_EINVAL, std::string(function) + ": " + argument + " is NULL");
}

rollgate_status check_version(rollgate_error** err, const char* function, const char* type,
                              unsigned int version, unsigned int known) {
  if (version >= 1 && version <= known) return ROLLGATE_OK;
  return fail(err, ROLLGATE_EINVAL,
              std::string(function) + ": " + type + " version " + std::to_string(version) +
                  " is not known to this rollgate (it knows 1 to " + std::to_string(known) + ")");
}

rollgate_status copy_out(char** out, size_t* out_len, const std::string& text) {
  char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
  if (!buffer) return ROLLGATE_ENOMEM;
  std::memcpy(buffer, text.data(), text.size() + 1);
  *out = buffer;
  if (out_len) *out_len = text.size();
  return ROLLGATE_OK;
}

std::string_view input_text(const char* text, size_t length) {
  if (!text) return {};
  return length == ROLLGATE_NUL_TERMINATED ? std::string_view(text) : std::string_view(text, length);
}

}  // namespace rollgate::capi

using rollgate::capi::check_version;
using rollgate::capi::fail;
using rollgate::capi::guarded;
using rollgate::capi::null_argument;

extern "C" {

ROLLGATE_API const char* rollgate_status_string(rollgate_status status) {
  switch (rollgate::capi::enum_value(status)) {
    case ROLLGATE_OK: return "ok";
    case ROLLGATE_EINVAL: return "invalid argument";
    case ROLLGATE_EJSON: return "malformed JSON";
    case ROLLGATE_EPLAN: return "invalid plan";
    case ROLLGATE_EINPUT: return "invalid input";
    case ROLLGATE_ENOMEM: return "out of memory";
    case ROLLGATE_ELIMIT: return "limit exceeded";
    case ROLLGATE_ECANCELLED: return "cancelled";
    case ROLLGATE_ETIMEOUT: return "deadline passed";
    case ROLLGATE_EINTERNAL: return "internal error";
    default: return "unknown status";
  }
}

ROLLGATE_API void rollgate_error_free(rollgate_error* err) { delete err; }

ROLLGATE_API rollgate_status rollgate_error_code(const rollgate_error* err) {
  return err ? static_cast<rollgate_status>(err->code) : ROLLGATE_EINVAL;
}

ROLLGATE_API const char* rollgate_error_message(const rollgate_error* err) {
  return err ? err->message.c_str() : "";
}

ROLLGATE_API size_t rollgate_error_count(const rollgate_error* err) {
  return err ? err->problems.size() : 0;
}

ROLLGATE_API rollgate_status rollgate_error_problem(rollgate_problem* out, const rollgate_error* error,
                                                    size_t index, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!out) return null_argument(err, "rollgate_error_problem", "out");
    const unsigned int version = out->version;
    if (rollgate_status bad = check_version(err, "rollgate_error_problem", "rollgate_problem", version,
                                            ROLLGATE_PROBLEM_VERSION))
      return bad;
    // Version 1 is every field there is; a later version fills what it adds
    // only when out->version asks for it.
    const rollgate_problem blank = ROLLGATE_PROBLEM_INIT;
    *out = blank;
    out->version = version;
    if (!error) return null_argument(err, "rollgate_error_problem", "error");
    if (index >= error->problems.size())
      return fail(err, ROLLGATE_EINVAL,
                  "rollgate_error_problem: index " + std::to_string(index) + " is out of range (the error has " +
                      std::to_string(error->problems.size()) + " problems)");
    const rollgate::Diagnostic& d = error->problems[index];
    out->kind = d.kind.c_str();
    out->message = d.message.c_str();
    out->suggestion = d.suggestion.c_str();
    out->file = d.file.c_str();
    out->pointer = d.pointer.c_str();
    out->subject = d.subject.c_str();
    out->subject_kind = rollgate::capi::subject_kind_of(d.subject_kind);
    out->line = d.line;
    out->column = d.column;
    return ROLLGATE_OK;
  });
}

ROLLGATE_API void rollgate_free(void* buffer) { std::free(buffer); }

}  // extern "C"
