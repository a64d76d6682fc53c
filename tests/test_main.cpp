// doctest's main, shared by every test executable.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <csignal>

int main(int argc, char** argv) {
    // Tests break connections on purpose: a write to a closed socket must be an error, not the end of
    // the test run (the hub itself ignores SIGPIPE the same way).
    std::signal(SIGPIPE, SIG_IGN);
    doctest::Context context(argc, argv);
    return context.run();
}
