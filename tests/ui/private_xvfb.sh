# Sourced by the UI test scripts: starts an X screen of this test's own and exports DISPLAY.
# Each run gets its own screen: real pointer events (XTest) go to whatever window is under the pointer,
# and a window opening alongside takes the keyboard focus, so tests running side by side on one screen
# could catch each other's input. -displayfd lets Xvfb pick a free display itself, so two tests starting
# at once never share one.
command -v Xvfb >/dev/null || { echo "UI tests need Xvfb: run scripts/setup.sh" >&2; exit 1; }
xvfb_fifo=$(mktemp -u) && mkfifo "$xvfb_fifo"
Xvfb -displayfd 3 -screen 0 3840x2160x24 -nolisten tcp 3>"$xvfb_fifo" >/dev/null 2>&1 &
private_xvfb_pid=$!
trap 'kill "$private_xvfb_pid" 2>/dev/null || true' EXIT
read -r -t 20 xvfb_display <"$xvfb_fifo" || { echo "a private Xvfb did not start" >&2; exit 1; }
rm -f "$xvfb_fifo"
export DISPLAY=":$xvfb_display"
# Mesa's driver is dlopen'ed and unloaded at exit, so its allocations reach LeakSanitizer with no module
# name to suppress them by; ASan and UBSan still check every access of the kiosk.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
