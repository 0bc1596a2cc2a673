# The sanitizer build's runtime settings in one place (MEEDOEN_SANITIZE, see CMakeLists.txt):
# defaults.cpp.in gives ASan, UBSan and LSan their options and lsan.supp's suppressions, and is
# compiled into every executable of the build, so a kiosk or server a test starts has them too,
# whatever environment it gets. ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS still override.
set_property(DIRECTORY ${CMAKE_SOURCE_DIR} APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
  ${CMAKE_CURRENT_LIST_DIR}/lsan.supp)

function(meedoen_sanitizer_defaults_in_every_executable)
  file(READ ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/lsan.supp MEEDOEN_LSAN_SUPPRESSIONS)
  set(defaults ${CMAKE_BINARY_DIR}/generated/sanitizer_defaults.cpp)
  configure_file(${CMAKE_CURRENT_FUNCTION_LIST_DIR}/defaults.cpp.in ${defaults} @ONLY)
  set(dirs ${CMAKE_SOURCE_DIR})
  while(dirs)
    list(POP_FRONT dirs dir)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    list(APPEND dirs ${subdirs})
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    foreach(target IN LISTS targets)
      get_target_property(type ${target} TYPE)
      if(type STREQUAL "EXECUTABLE")
        target_sources(${target} PRIVATE ${defaults})
      endif()
    endforeach()
  endwhile()
endfunction()
