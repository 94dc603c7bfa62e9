# cmake -DDOXYGEN=... -DDOXYFILE=... -DHEADER=... -DWORK=... -P DoxygenCheck.cmake
# Runs Doxygen over cccd.h with every warning an error: it must pass. Then over a copy of cccd.h
# whose first function has lost its documentation comment: it must fail, or the check would
# not catch an undocumented function.
function(run_doxygen doxyfile result output)
    execute_process(COMMAND "${DOXYGEN}" "${doxyfile}" RESULT_VARIABLE code
                    OUTPUT_VARIABLE out ERROR_VARIABLE err)
    set(${result} "${code}" PARENT_SCOPE)
    set(${output} "${out}${err}" PARENT_SCOPE)
endfunction()

if(NOT DOXYGEN)
    message(FATAL_ERROR "doxygen is missing: scripts/deps.sh installs it")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

run_doxygen("${DOXYFILE}" code output)
if(NOT code EQUAL 0 OR output MATCHES "warning")
    message(FATAL_ERROR "cccd.h: Doxygen reports undocumented or badly documented "
                        "declarations:\n${output}")
endif()

file(READ "${HEADER}" header)
string(FIND "${header}" "\nCCCD_API " firstFunction)
string(SUBSTRING "${header}" 0 ${firstFunction} before)
string(FIND "${before}" "\n/** " docStart REVERSE)
if(firstFunction LESS 0 OR docStart LESS 0)
    message(FATAL_ERROR "cccd.h: no documented CCCD_API function found to remove a comment from")
endif()
math(EXPR docStart "${docStart} + 1")
string(SUBSTRING "${header}" 0 ${docStart} head)
string(SUBSTRING "${header}" ${docStart} -1 tail)
string(REGEX REPLACE "^/\\*\\* " "/* " tail "${tail}")
file(WRITE "${WORK}/cccd.h" "${head}${tail}")

file(READ "${DOXYFILE}" config)
file(WRITE "${WORK}/Doxyfile"
     "${config}\nINPUT = ${WORK}/cccd.h\nOUTPUT_DIRECTORY = ${WORK}/out\n")
run_doxygen("${WORK}/Doxyfile" code output)
if(code EQUAL 0)
    message(FATAL_ERROR "Doxygen accepted cccd.h with an undocumented function:\n${output}")
endif()
message(STATUS "cccd.h is documented; an undocumented function fails the check")
