#include "svg_render.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <utility>

extern char** environ;

namespace rollgate::cli {

namespace {

constexpr std::string_view kMissingDot =
    "cannot draw SVG: the program 'dot' (Graphviz) was not found on PATH; install graphviz "
    "(Debian: apt-get install graphviz) or use --format dot";

std::runtime_error system_error(std::string_view what) {
  return std::runtime_error("cannot draw SVG: " + std::string(what) + ": " + std::strerror(errno));
}

// A file descriptor closed when it goes out of scope.
class Descriptor {
 public:
  explicit Descriptor(int fd = -1) : fd_(fd) {}
  Descriptor(Descriptor&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Descriptor& operator=(Descriptor&& other) noexcept {
    if (this != &other) {
      reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~Descriptor() { reset(); }
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// dot reads its input from an unlinked temporary file rather than a pipe:
// with every pipe read-only for the parent, dot exiting early can never
// raise SIGPIPE here, and no writer and reader can wait on each other.
Descriptor input_file(std::string_view text) {
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path = std::string(tmpdir && *tmpdir ? tmpdir : "/tmp") + "/rollgate-dot-XXXXXX";
  Descriptor fd(::mkostemp(path.data(), O_CLOEXEC));
  if (fd.get() < 0) throw system_error("cannot create a temporary file in " + path.substr(0, path.rfind('/')));
  ::unlink(path.c_str());
  for (std::size_t written = 0; written < text.size();) {
    const ssize_t n = ::write(fd.get(), text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw system_error("cannot write the temporary file");
    written += std::size_t(n);
  }
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) throw system_error("cannot rewind the temporary file");
  return fd;
}

struct Pipe {
  Descriptor read_end;
  Descriptor write_end;
};

void open_pipe(Pipe& pipe) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw system_error("cannot create a pipe");
  pipe.read_end = Descriptor(fds[0]);
  pipe.write_end = Descriptor(fds[1]);
}

// Reads both pipes to their end, whichever has data first.
void drain(int out_fd, std::string& out, int err_fd, std::string& err) {
  std::array<pollfd, 2> fds{{{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}}};
  std::array<std::string*, 2> sinks{&out, &err};
  std::size_t open = 2;
  char buffer[65536];
  while (open > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw system_error("cannot read from dot");
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        fds[i].fd = -1;  // poll skips negative descriptors
        --open;
      } else {
        sinks[i]->append(buffer, std::size_t(n));
      }
    }
  }
}

std::string first_line(std::string_view text) {
  const std::size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

}  // namespace

std::string render_svg(std::string_view dot_text) {
  Descriptor input = input_file(dot_text);
  Pipe out, err;
  open_pipe(out);
  open_pipe(err);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.get(), STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write_end.get(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end.get(), STDERR_FILENO);
  char program[] = "dot";
  char format[] = "-Tsvg";
  char* argv[] = {program, format, nullptr};
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, program, &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned == ENOENT) throw std::runtime_error(std::string(kMissingDot));
  if (spawned != 0) {
    errno = spawned;
    throw system_error("cannot run 'dot'");
  }
  // Only the child writes now: our write ends must close for EOF to come.
  out.write_end.reset();
  err.write_end.reset();
  input.reset();

  std::string svg, message;
  drain(out.read_end.get(), svg, err.read_end.get(), message);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw system_error("cannot wait for 'dot'");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                              : "was killed by signal " + std::to_string(WTERMSIG(status));
    throw std::runtime_error("cannot draw SVG: 'dot' " + how + (message.empty() ? "" : ": " + first_line(message)));
  }
  return svg;
}

}  // namespace rollgate::cli
