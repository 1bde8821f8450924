#include "atomic_file.hpp"
#include "../support/gcc_restrict_false_positive.hpp"  // preprocessor only: no engine internals

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace rollgate::cli {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw std::runtime_error(path + ": cannot " + what + ": " + std::strerror(errno));
}

void write_all(int fd, std::string_view content, const std::string& path) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path, "write the file");
    content.remove_prefix(size_t(n));
  }
}

// Makes the rename itself durable (POSIX leaves it to the directory).
void sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;  // some file systems do not allow it; the rename stands
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
void replace_file_atomically(const std::string& path, std::string_view content) {
  std::filesystem::path target(path);
  std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string temp = (std::filesystem::path(dir) / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) fail(temp, "create a temporary file");
  try {
    // mkstemp makes the file private (0600); keep the mode of the file it
    // replaces, or give a new one the usual 0644.
    struct stat old {};
    ::fchmod(fd, ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644);
    write_all(fd, content, temp);
    if (::fsync(fd) != 0) fail(temp, "flush the file to disk");
    if (::close(fd) != 0) {
      fd = -1;
      fail(temp, "close the file");
    }
    fd = -1;
    if (::rename(temp.c_str(), path.c_str()) != 0) fail(path, "replace the file");
  } catch (...) {
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  sync_directory(dir);
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

}  // namespace rollgate::cli
