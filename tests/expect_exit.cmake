# expect_exit(N ARGS...): runs ccrsim ARGS, fails unless it exits N; leaves stdout and stderr in last_out, last_err.
function(expect_exit expected)
  execute_process(COMMAND ${CCRSIM} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected)
    message(FATAL_ERROR "ccrsim ${ARGN}: exit ${rc}, expected ${expected}\n${out}\n${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()
