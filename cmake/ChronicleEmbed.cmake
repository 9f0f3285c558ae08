# chronicle_embed(TARGET <lib> NAMESPACE <ns> DIR <dir> [GLOB <pattern>...])
#
# Compiles every file under DIR matching the patterns into TARGET as a table of
# {relative path, bytes}, reachable through chronicle::resources::find("<ns>/<relative path>").
# The generated source says DO NOT EDIT; edit the files under DIR instead.
function(chronicle_embed)
  cmake_parse_arguments(E "" "TARGET;NAMESPACE;DIR" "GLOB" ${ARGN})
  if(NOT E_GLOB)
    set(E_GLOB "*")
  endif()
  set(patterns)
  foreach(g IN LISTS E_GLOB)
    list(APPEND patterns "${E_DIR}/${g}")
  endforeach()
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${patterns})
  list(SORT files)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${E_NAMESPACE}.cpp")
  string(MAKE_C_IDENTIFIER "${E_NAMESPACE}" ident)
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDIR=${E_DIR} -DNS=${E_NAMESPACE} -DIDENT=${ident}
            "-DFILES=${files}" -P "${CHRONICLE_EMBED_SCRIPT}"
    DEPENDS ${files} "${CHRONICLE_EMBED_SCRIPT}"
    COMMENT "Embedding resources ${E_NAMESPACE}"
    VERBATIM)
  target_sources(${E_TARGET} PRIVATE "${out}")
endfunction()
set(CHRONICLE_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake" CACHE INTERNAL "")
