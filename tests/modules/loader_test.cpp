// The module loader: found and version-checked, or a clear reason (never a crash).
#include <catch2/catch.hpp>

#include <cstdlib>

#include "modules/loader.hpp"

namespace modules = meedoen::modules;

namespace {

struct TestTable {
  modules::ModuleHead head;
  int (*answer)();
};

// Every case looks in the test's own folder of modules (MEEDOEN_MODULE_DIR, as the e2e tests do).
void use_test_modules() { ::setenv("MEEDOEN_MODULE_DIR", MEEDOEN_TEST_MODULES, 1); }

}  // namespace

TEST_CASE("modules: MEEDOEN_MODULE_DIR alone is searched when set", "[modules]") {
  use_test_modules();
  CHECK(modules::module_dirs() == std::vector<std::string>{MEEDOEN_TEST_MODULES});
}

TEST_CASE("modules: a module of this build is loaded once and its table works", "[modules]") {
  use_test_modules();
  std::string error;
  const auto* t = modules::load_table<TestTable>({"meedoen-test-good.so", "meedoen_test_module", 7}, &error);
  REQUIRE(t);
  CHECK(error.empty());
  CHECK(t->answer() == 42);
  CHECK(modules::load_table<TestTable>({"meedoen-test-good.so", "meedoen_test_module", 7}, &error) == t);
}

TEST_CASE("modules: a missing, older or broken module gives its path and the reason", "[modules]") {
  use_test_modules();
  std::string error;
  CHECK_FALSE(modules::load({"meedoen-test-missing.so", "meedoen_test_module", 7}, &error));
  CHECK_THAT(error, Catch::Contains(std::string(MEEDOEN_TEST_MODULES) + "/meedoen-test-missing.so: ") &&
                        Catch::Contains("No such file"));
  CHECK_FALSE(modules::load({"meedoen-test-old.so", "meedoen_test_module", 7}, &error));
  CHECK_THAT(error, Catch::Contains("meedoen-test-old.so: built for Meedoen 0.0.1 (table 7)"));
  CHECK_FALSE(modules::load({"meedoen-test-noentry.so", "meedoen_test_module", 7}, &error));
  CHECK_THAT(error, Catch::Contains("meedoen-test-noentry.so: ") && Catch::Contains("meedoen_test_module"));
}

TEST_CASE("modules: a table of another layout is refused", "[modules]") {
  use_test_modules();
  std::string error;
  CHECK_FALSE(modules::load({"meedoen-test-good.so", "meedoen_test_module", 8}, &error));
  CHECK_THAT(error, Catch::Contains("meedoen-test-good.so: built for Meedoen ") && Catch::Contains("(table 7)") &&
                        Catch::Contains("(table 8)"));
}
