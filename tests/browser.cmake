# Renders the quickstart's report.html in headless Chromium (Debian's `chromium`): fails on any console message,
# on markup a strict XML parser rejects, or on a chart that renders empty; keeps a screenshot under the build tree
# (build/<preset>/browser/quickstart.png) as a CI artifact.
# Enabled by -DCCRSIM_BROWSER_TEST=ON at configure time or CCRSIM_BROWSER_TEST=ON in the environment (scripts/test
# does that in CI); otherwise it prints BROWSER-TEST-SKIPPED and ctest reports it as skipped.
# Inputs: CCRSIM, OUT_DIR, ENABLED.
if(NOT ENABLED AND NOT "$ENV{CCRSIM_BROWSER_TEST}" STREQUAL "ON")
  message("BROWSER-TEST-SKIPPED: set CCRSIM_BROWSER_TEST=ON to render the report in headless Chromium")
  return()
endif()
find_program(CHROMIUM NAMES chromium chromium-browser)
if(NOT CHROMIUM)
  message(FATAL_ERROR "the browser test is enabled but chromium is not installed (CCRSIM_BROWSER_TEST=ON ./scripts/setup)")
endif()
file(REMOVE_RECURSE ${OUT_DIR})
execute_process(COMMAND ${CCRSIM} run scenarios/examples/quickstart.yaml --quiet --out ${OUT_DIR}/quickstart
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "quickstart: exit ${rc}\n${err}")
endif()
set(chromium_flags --headless --disable-gpu --no-sandbox --no-first-run --disable-extensions --hide-scrollbars
                   --enable-logging=stderr --v=0 --virtual-time-budget=5000 --user-data-dir=${OUT_DIR}/profile)

# 1. The screenshot, and every console message Chromium logs while rendering the page.
execute_process(COMMAND ${CHROMIUM} ${chromium_flags} --window-size=1100,2400 --screenshot=${OUT_DIR}/quickstart.png
                        file://${OUT_DIR}/quickstart/report.html
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE log TIMEOUT 120)
if(NOT rc EQUAL 0 OR NOT EXISTS ${OUT_DIR}/quickstart.png)
  message(FATAL_ERROR "chromium failed (exit ${rc}):\n${out}\n${log}")
endif()
if(log MATCHES "CONSOLE")
  message(FATAL_ERROR "console messages while rendering report.html:\n${log}")
endif()

# 2. The same bytes as XHTML: Chromium's XML parser replaces the page with a parsererror on any markup slip.
configure_file(${OUT_DIR}/quickstart/report.html ${OUT_DIR}/quickstart/report.xhtml COPYONLY)
execute_process(COMMAND ${CHROMIUM} ${chromium_flags} --dump-dom file://${OUT_DIR}/quickstart/report.xhtml
                RESULT_VARIABLE rc OUTPUT_VARIABLE dom ERROR_VARIABLE log TIMEOUT 120)
if(NOT rc EQUAL 0 OR dom MATCHES "parsererror" OR NOT dom MATCHES "data-chart")
  message(FATAL_ERROR "report.html is not well-formed XML for Chromium (exit ${rc}):\n${dom}\n${log}")
endif()

# 3. Every chart renders non-empty: a checker page loads the report in a frame and measures each chart's lines.
file(WRITE ${OUT_DIR}/quickstart/check.html [=[<!DOCTYPE html>
<html><body><pre id="result">BROWSER-CHECK-PENDING</pre>
<iframe id="report" src="report.html" width="1100" height="2400"></iframe>
<script>
document.getElementById('report').addEventListener('load', function () {
  var out = [];
  var doc = document.getElementById('report').contentDocument;
  var charts = doc.querySelectorAll('svg.chart, svg.topology');
  charts.forEach(function (svg, i) {
    var box = svg.getBoundingClientRect();
    var drawn = 0;
    svg.querySelectorAll('polyline, polygon, line, rect').forEach(function (el) {
      var b = el.getBBox();
      if (b.width > 0 || b.height > 0) drawn++;
    });
    var longest = 0;
    svg.querySelectorAll('polyline.series').forEach(function (el) { longest = Math.max(longest, el.getTotalLength()); });
    var kind = svg.getAttribute('data-chart') || 'topology';
    if (box.width < 100 || box.height < 100 || drawn < 3 || (kind !== 'topology' && longest <= 0)) {
      out.push('BLANK ' + kind + ' #' + i + ' size ' + box.width + 'x' + box.height + ' drawn ' + drawn + ' line ' + longest);
    }
  });
  document.getElementById('result').textContent =
      out.length ? 'BROWSER-CHECK-FAIL ' + out.join('; ') : 'BROWSER-CHECK-OK ' + charts.length + ' pictures';
});
</script></body></html>
]=])
execute_process(COMMAND ${CHROMIUM} ${chromium_flags} --allow-file-access-from-files --dump-dom
                        file://${OUT_DIR}/quickstart/check.html
                RESULT_VARIABLE rc OUTPUT_VARIABLE dom ERROR_VARIABLE log TIMEOUT 120)
if(NOT dom MATCHES "BROWSER-CHECK-OK ([0-9]+) pictures")
  message(FATAL_ERROR "a chart rendered blank or the check did not run (exit ${rc}):\n${dom}\n${log}")
endif()
message("browser: ${CMAKE_MATCH_1} pictures rendered; screenshot ${OUT_DIR}/quickstart.png")
