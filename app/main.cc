#include <cstdio>

int main() {
  std::puts("ccrsim " CCRSIM_VERSION);
  return 0;
}
