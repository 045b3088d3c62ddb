# Sourced by the secret benchmarks: sets BIN to a release todoaudit that has the
# `secrets` subcommand — $TODOAUDIT_BIN when given, else one built into $SCRATCH.
# Expects die, note, SCRATCH and WORK from the sourcing script.
find_todoaudit() {
  if [[ -n "${TODOAUDIT_BIN:-}" ]]; then
    BIN="$TODOAUDIT_BIN"
  else
    command -v swift >/dev/null || die "swift is needed to build todoaudit (or set TODOAUDIT_BIN)"
    note "building todoaudit (release)…"
    swift build -c release --scratch-path "$SCRATCH" --product todoaudit >"$WORK/build.log" 2>&1 \
      || { tail -30 "$WORK/build.log" >&2; die "swift build failed (log: $WORK/build.log)"; }
    BIN="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/todoaudit"
  fi
  [[ -x "$BIN" ]] || die "no todoaudit binary at $BIN"
  local help_text
  help_text="$("$BIN" secrets --help 2>&1 || true)"
  [[ "$help_text" == *"todoaudit secrets"* ]] || die "$BIN has no 'secrets' subcommand"
}
