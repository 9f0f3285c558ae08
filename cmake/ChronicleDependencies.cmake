# The compiled third-party libraries (ICU's common library, SQLite, zlib, zstd), each behind an
# interface target `chronicle_dep_<name>` that the library targets link.
#
# An executable that sets the target property CHRONICLE_STATIC_DEPS gets their static archives
# and libstdc++/libgcc linked in (chronicle_link_static): a `chronicle tag` run spent about 2 of
# its 6.5 ms of start-up loading and relocating ICU, SQLite, fmt and libstdc++ as shared objects,
# which is about 3% of tagging te3-silver. Everything else (tests, sanitizer and fuzz builds)
# links the shared libraries as before. fmt's compiled part is built into every executable
# (chronicle_fmt, lib/src/core), so no libfmt.so brings a second, shared libstdc++ along.
#
# CHRONICLE_STATIC_DEPS is ON by default and falls back to shared libraries, with a message, when
# an archive is missing (the Debian -dev packages install them) or a sanitizer is on.

option(CHRONICLE_STATIC_DEPS "Link the chronicle executable with static third-party libraries" ON)

find_package(ICU REQUIRED COMPONENTS uc)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
find_library(CHRONICLE_ZSTD_LIBRARY NAMES zstd REQUIRED)

set(_chronicle_static_ok ${CHRONICLE_STATIC_DEPS})
if(CHRONICLE_SANITIZE OR CHRONICLE_FUZZ)
  set(_chronicle_static_ok OFF)
endif()
if(_chronicle_static_ok)
  foreach(archive icuuc icudata sqlite3 z zstd)
    find_library(CHRONICLE_${archive}_ARCHIVE NAMES lib${archive}.a)
    if(NOT CHRONICLE_${archive}_ARCHIVE)
      message(STATUS "chronicle: no lib${archive}.a; the chronicle executable links shared libraries")
      set(_chronicle_static_ok OFF)
    endif()
  endforeach()
endif()

# chronicle_dependency(NAME <name> SHARED <item> [STATIC <archive>...] [EXTRA <item>...])
function(chronicle_dependency)
  cmake_parse_arguments(DEP "" "NAME" "SHARED;STATIC;EXTRA" ${ARGN})
  add_library(chronicle_dep_${DEP_NAME} INTERFACE)
  if(NOT _chronicle_static_ok)
    target_link_libraries(chronicle_dep_${DEP_NAME} INTERFACE ${DEP_SHARED})
    return()
  endif()
  # Evaluated for the executable being linked ($<TARGET_PROPERTY:prop> in a usage requirement
  # names the consumer), so one library build serves both kinds of executable.
  set(static "$<BOOL:$<TARGET_PROPERTY:CHRONICLE_STATIC_DEPS>>")
  foreach(item ${DEP_SHARED})
    target_link_libraries(chronicle_dep_${DEP_NAME} INTERFACE "$<$<NOT:${static}>:${item}>")
  endforeach()
  foreach(item ${DEP_STATIC} ${DEP_EXTRA})
    target_link_libraries(chronicle_dep_${DEP_NAME} INTERFACE "$<${static}:${item}>")
  endforeach()
endfunction()

chronicle_dependency(NAME icu SHARED ICU::uc
                     STATIC ${CHRONICLE_icuuc_ARCHIVE} ${CHRONICLE_icudata_ARCHIVE} EXTRA ${CMAKE_DL_LIBS})
chronicle_dependency(NAME sqlite SHARED SQLite::SQLite3 STATIC ${CHRONICLE_sqlite3_ARCHIVE}
                     EXTRA m ${CMAKE_DL_LIBS})
chronicle_dependency(NAME zlib SHARED ZLIB::ZLIB STATIC ${CHRONICLE_z_ARCHIVE})
chronicle_dependency(NAME zstd SHARED ${CHRONICLE_ZSTD_LIBRARY} STATIC ${CHRONICLE_zstd_ARCHIVE})

# Links `target` (an executable) with the static archives and the static C++ runtime.
function(chronicle_link_static target)
  if(_chronicle_static_ok)
    set_target_properties(${target} PROPERTIES CHRONICLE_STATIC_DEPS ON)
    target_link_options(${target} PRIVATE -static-libstdc++ -static-libgcc)
  endif()
endfunction()
