// A module for the loader's tests (tests/modules/CMakeLists.txt builds it three ways).
#include "modules/loader.hpp"
#ifndef MEEDOEN_TEST_MODULE_VERSION
#include "version.hpp"
#define MEEDOEN_TEST_MODULE_VERSION meedoen::kVersion
#endif

namespace {

struct TestTable {
  meedoen::modules::ModuleHead head;
  int (*answer)();
};

const TestTable kTable{{7, MEEDOEN_TEST_MODULE_VERSION}, [] { return 42; }};

}  // namespace

#ifndef MEEDOEN_TEST_MODULE_NO_ENTRY
MEEDOEN_MODULE_ENTRY const meedoen::modules::ModuleHead* meedoen_test_module() { return &kTable.head; }
#endif
