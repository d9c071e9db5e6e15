# `ccrsim validate` on two domains auto-following each other's `*` prints the cycle warning on stderr as
# FILE:LINE:COL: warning: ..., lists what each rule picks up at t = 0 on stdout, and still exits 0.
set(scenario scenarios/regression/autofollow-cycle-deleted-leader.yaml)
execute_process(COMMAND ${CCRSIM} validate ${scenario} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "validate exited ${rc}, expected 0\n${out}\n${err}")
endif()
if(NOT err MATCHES "^${scenario}:[0-9]+:[0-9]+: warning: auto-follow cycle domain-(a -> domain-b -> domain-a|b -> domain-a -> domain-b) ")
  message(FATAL_ERROR "no cycle warning on stderr:\n${err}")
endif()
if(NOT err MATCHES "Cannot Replicate a Replicated Index")
  message(FATAL_ERROR "the cycle warning does not name the failure:\n${err}")
endif()
if(NOT out MATCHES "rule 'from-b' on domain-a [^\n]* picks up at t = 0: b-data\n")
  message(FATAL_ERROR "validate did not list what the rules pick up:\n${out}")
endif()

# A scenario without rules prints no warning.
execute_process(COMMAND ${CCRSIM} validate scenarios/examples/index-basics.yaml RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT err STREQUAL "")
  message(FATAL_ERROR "index-basics: exit ${rc}, stderr:\n${err}")
endif()
