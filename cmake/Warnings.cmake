# Warning set of STYLE.md: -Wall -Wextra -Wshadow -Wconversion, errors in CI.
function(cccd_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wconversion
                           -Wno-sign-conversion)
    if(CCCD_WARNINGS_AS_ERRORS)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()

# cccd_library(name SOURCES ... DEPS ...): one static library per layer.
function(cccd_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
    add_library(${name} STATIC ${ARG_SOURCES})
    target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}/sdk"
                                              "${PROJECT_SOURCE_DIR}/drivers")
    target_link_libraries(${name} PUBLIC ${ARG_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
    cccd_warnings(${name})
endfunction()
