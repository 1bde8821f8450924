// Replacing a file so that a crash at any moment leaves either the old
// content or the new one, never a mix or nothing: write a temporary file
// beside it, fsync it, rename it over the old one, fsync the directory.
#pragma once

#include <string>
#include <string_view>

namespace rollgate::cli {

// Throws std::runtime_error naming the file when any step fails; the old
// file is then left as it was and the temporary file removed.
void replace_file_atomically(const std::string& path, std::string_view content);

}  // namespace rollgate::cli
