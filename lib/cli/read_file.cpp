#include "read_file.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace rollgate::cli {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw std::runtime_error(path + ": cannot read the file");
  return content.str();
}

}  // namespace rollgate::cli
