#include <exception>
#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  try {
    return ccrsim::run_cli(argc, argv);
  } catch (const std::exception& e) {
    // A bug, never an input problem: inputs are validated before anything runs.
    std::cerr << "ccrsim: internal error: " << e.what() << "\n";
    return 3;
  }
}
