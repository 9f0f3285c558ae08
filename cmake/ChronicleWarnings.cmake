# chronicle_warnings: a private INTERFACE target carrying the project's warning flags, so they
# apply to our own code and never leak to a project that consumes the library.
add_library(chronicle_warnings INTERFACE)
target_compile_options(chronicle_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  $<$<BOOL:${CHRONICLE_WERROR}>:-Werror>)

if(CHRONICLE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  # g++ 12 reports false -Wmaybe-uninitialized inside <functional> and <regex> under ASan.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
  add_link_options(-fsanitize=address,undefined)
endif()
