# Sourced by .ci/run. `stage NAME COMMAND…` runs one step and prints how long it took; a failing
# step stops CI. `test_stage` does the same for a test run but lets CI go on, so the closing
# summary covers every run; the summary then fails CI.
ci_started=$SECONDS

stage() {
  local name=$1 started=$SECONDS
  shift
  echo "::: $name"
  "$@"
  echo "::: $name: $((SECONDS - started)) s"
}

test_stage() {
  local name=$1 started=$SECONDS status=0
  shift
  echo "::: $name"
  "$@" || status=$?
  echo "::: $name: $((SECONDS - started)) s$([ "$status" -eq 0 ] || echo ", exit $status")"
}

ci_elapsed() {
  local total=$((SECONDS - ci_started))
  echo "::: total: $((total / 60)) min $((total % 60)) s"
}

# `background_stage NAME LOG PID`: waits for a step started with `&` (its output in LOG), then
# shows that output; a failing step stops CI like any other.
background_stage() {
  local name=$1 log=$2 pid=$3 started=$SECONDS status=0
  echo "::: $name (ran in the background; its output follows)"
  wait "$pid" || status=$?
  cat "$log"
  echo "::: $name: waited $((SECONDS - started)) s$([ "$status" -eq 0 ] || echo ", exit $status")"
  return "$status"
}
