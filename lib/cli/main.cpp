// `rollgate`: the readiness engine for people and CI pipelines.
#include <rollgate/rollgate.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.hpp"

namespace {

constexpr int kExitMet = 0;
constexpr int kExitNotMet = 1;
constexpr int kExitBadInput = 2;

// Reads a whole file; a file that cannot be read is bad input like any other.
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open the file");
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw std::runtime_error(path + ": cannot read the file");
  return content.str();
}

int run_eval(const rollgate::cli::EvalArguments& args) {
  rollgate::Plan plan = rollgate::Plan::compile(read_file(args.plan_path), args.plan_path);
  rollgate::Session session(plan);
  if (args.facts_path) session.set_inputs(read_file(*args.facts_path), *args.facts_path);
  rollgate::Report report = [&] {
    if (!args.now) return session.evaluate(std::chrono::system_clock::now());
    auto [seconds, nanos] = rollgate::parse_timestamp(*args.now);
    return session.evaluate(seconds, nanos);
  }();
  std::cout << (args.format == "json" ? report.json() : report.text());
  std::cout.flush();
  return report.target_met() ? kExitMet : kExitNotMet;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> words(argv + 1, argv + argc);
  rollgate::cli::ParseOutcome parsed = rollgate::cli::parse_arguments(words);
  if (!parsed.arguments) {
    std::cerr << "rollgate: " << parsed.error << "\n\n" << rollgate::cli::kUsage;
    return kExitBadInput;
  }
  try {
    switch (parsed.arguments->command) {
      case rollgate::cli::Arguments::Command::Help:
        std::cout << rollgate::cli::kUsage;
        return kExitMet;
      case rollgate::cli::Arguments::Command::Version:
        std::cout << "rollgate " << rollgate::version_string() << '\n';
        return kExitMet;
      case rollgate::cli::Arguments::Command::Eval:
        return run_eval(parsed.arguments->eval);
    }
  } catch (const rollgate::Error& e) {
    std::cerr << e.what() << '\n';
    std::cerr << "rollgate: " << e.status_string() << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "rollgate: " << e.what() << '\n';
    return kExitBadInput;
  }
  return kExitBadInput;
}
