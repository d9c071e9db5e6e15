# Runs tests/swarm/random-faults.yaml for seeds 1..SEEDS with --check-invariants; fails listing every failing seed.
set(failed "")
foreach(seed RANGE 1 ${SEEDS})
  execute_process(COMMAND ${CCRSIM} run tests/swarm/random-faults.yaml --seed ${seed} --quiet --check-invariants
                          --out ${OUT_DIR}/seed-${seed}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(APPEND failed "seed ${seed}: exit ${rc} ${err}")
  endif()
endforeach()
if(failed)
  string(REPLACE ";" "\n" text "${failed}")
  message(FATAL_ERROR "swarm failures:\n${text}")
endif()
