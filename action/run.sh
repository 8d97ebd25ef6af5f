#!/usr/bin/env bash
# The GitHub Action's step (action.yml), runnable by hand and in the tests:
#   CLAIMDIFF_DRAFTS='drafts/*.md' CLAIMDIFF_SOURCES='sources/' bash action/run.sh
# Annotations (github format) go to stdout, where Actions reads them; the
# Markdown summary is appended to $GITHUB_STEP_SUMMARY when that is set.
# Exit code: claimdiff's own (0 clean, 1 findings of the --fail-on kinds, 2 errors).
set -uo pipefail

args=()
read -r -a drafts <<< "${CLAIMDIFF_DRAFTS:-}"
args+=("${drafts[@]}")
if [ -n "${CLAIMDIFF_SOURCES:-}" ]; then
  read -r -a sources <<< "${CLAIMDIFF_SOURCES}"
  for s in "${sources[@]}"; do args+=(--against "$s"); done
fi
[ -n "${CLAIMDIFF_FAIL_ON:-}" ] && args+=(--fail-on "$CLAIMDIFF_FAIL_ON")
[ -n "${CLAIMDIFF_BASELINE:-}" ] && args+=(--baseline "$CLAIMDIFF_BASELINE")

claimdiff check "${args[@]}" --format github
status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$status" -ne 2 ]; then
  claimdiff check "${args[@]}" --format markdown >> "$GITHUB_STEP_SUMMARY" || true
fi
exit "$status"
