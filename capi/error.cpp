// Status codes and error objects of the C ABI.
#include <cstdlib>
#include <cstring>

#include "capi_internal.hpp"

namespace rollgate::capi {

rollgate_status fail(rollgate_error** err, rollgate_status code, std::vector<Diagnostic> problems) {
  if (!err) return code;
  auto* e = new rollgate_error;
  e->code = code;
  e->message = to_string(problems);
  e->problems = std::move(problems);
  *err = e;
  return code;
}

rollgate_status fail(rollgate_error** err, rollgate_status code, std::string message) {
  Diagnostic d;
  d.message = std::move(message);
  return fail(err, code, std::vector<Diagnostic>{std::move(d)});
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

extern "C" {

ROLLGATE_API const char* rollgate_status_string(int32_t status) {
  switch (status) {
    case ROLLGATE_OK: return "ok";
    case ROLLGATE_EINVAL: return "invalid argument";
    case ROLLGATE_EJSON: return "malformed JSON";
    case ROLLGATE_EPLAN: return "invalid plan";
    case ROLLGATE_EINPUT: return "invalid input";
    case ROLLGATE_ENOMEM: return "out of memory";
    case ROLLGATE_EINTERNAL: return "internal error";
    default: return "unknown status";
  }
}

ROLLGATE_API void rollgate_error_free(rollgate_error* err) { delete err; }

ROLLGATE_API int32_t rollgate_error_code(const rollgate_error* err) {
  return err ? err->code : ROLLGATE_EINVAL;
}

ROLLGATE_API const char* rollgate_error_message(const rollgate_error* err) {
  return err ? err->message.c_str() : "";
}

ROLLGATE_API size_t rollgate_error_count(const rollgate_error* err) {
  return err ? err->problems.size() : 0;
}

ROLLGATE_API rollgate_status rollgate_error_detail(const char** message, const char** file,
                                                   const char** pointer, const char** subject,
                                                   int32_t* line, int32_t* column,
                                                   const rollgate_error* err, size_t index) {
  bool ok = err && index < err->problems.size();
  const rollgate::Diagnostic* d = ok ? &err->problems[index] : nullptr;
  if (message) *message = d ? d->message.c_str() : nullptr;
  if (file) *file = d ? d->file.c_str() : nullptr;
  if (pointer) *pointer = d ? d->pointer.c_str() : nullptr;
  if (subject) *subject = d ? d->subject.c_str() : nullptr;
  if (line) *line = d ? d->line : 0;
  if (column) *column = d ? d->column : 0;
  return ok ? ROLLGATE_OK : ROLLGATE_EINVAL;
}

ROLLGATE_API void rollgate_free(void* buffer) { std::free(buffer); }

}  // extern "C"
