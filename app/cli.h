#pragma once
// The ccrsim command line (docs/scenario-format.md §1): run, validate, --version, --help. Exit 0 passed, 1 failed, 2
// invalid.
namespace ccrsim {

int run_cli(int argc, char** argv);

}  // namespace ccrsim
