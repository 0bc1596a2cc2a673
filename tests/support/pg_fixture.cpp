// The PostgreSQL cluster of a whole ctest run (tests/CMakeLists.txt: the fixture tests pg/start and
// pg/stop), in the build folder; the server and sync tests attach to it through MEEDOEN_TEST_PG
// (pg_cluster.hpp) instead of each starting a cluster of its own.
//   pg_fixture start DIR     a new cluster in DIR (one left there by an interrupted run is removed)
//   pg_fixture stop DIR      stops it and removes DIR
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>

#include "support/pg_cluster.hpp"

int main(int argc, char** argv) {
  using meedoen::test::PgCluster;
  const std::string mode = argc == 3 ? argv[1] : "";
  if (mode != "start" && mode != "stop") {
    std::fprintf(stderr, "usage: pg_fixture start|stop DIR\n");
    return 2;
  }
  const std::filesystem::path dir = std::filesystem::absolute(argv[2]);
  try {
    if (std::filesystem::exists(dir / "data")) PgCluster::remove_shared(dir);
    if (mode == "start") PgCluster::create_shared(dir);
    std::printf("pg_fixture: %s %s\n", mode.c_str(), dir.c_str());
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pg_fixture %s: %s\n", mode.c_str(), e.what());
    return 1;
  }
}
