#!/usr/bin/env bash
# The demo's installer (config/scripts/update.sh), preceded by three seconds of progress lines:
# slow enough for the tests to see the rolling update's command run in the background, with its
# output appearing on the run's page line by line, and finish.
set -euo pipefail
for part in "unpacking CL/Web ${2:-}" "checking ${1:-} before the update" "installing the program files"; do
  echo "slow-update: $part"
  sleep 1
done
exec "$(dirname "$0")/../../../../config/scripts/update.sh" "$@"
