# Shared by smoke.sh and screenshot.sh (sourced, not run): start a private
# Xvfb on a free display, and stop it and the app on exit.
# Sets DISPLAY, and XVFB_PID; the caller sets APP_PID once it starts one.

free_display() {
  local n
  for n in $(seq 90 140); do
    if [ ! -e "/tmp/.X${n}-lock" ] && [ ! -e "/tmp/.X11-unix/X${n}" ]; then
      echo "$n"
      return 0
    fi
  done
  echo "xvfb: no free display between :90 and :140" >&2
  return 1
}

start_xvfb() {
  local n
  n=$(free_display)
  Xvfb ":$n" -screen 0 "${XVFB_SIZE:-1280x800x24}" -nolisten tcp >"${TMPDIR:-/tmp}/xvfb-$n.log" 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do
    xdpyinfo >/dev/null 2>&1 && return 0
    [ -e "/tmp/.X11-unix/X$n" ] && xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "xvfb: display :$n did not come up" >&2
  return 1
}

stop_all() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "${XVFB_PID:-}" ]; then
    kill "$XVFB_PID" 2>/dev/null || true
    wait "$XVFB_PID" 2>/dev/null || true
  fi
}

# wait_window NAME SECONDS: prints the window id once a window called NAME
# is mapped.
wait_window() {
  local id
  for _ in $(seq $(( $2 * 10 ))); do
    id=$(xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -n1 || true)
    if [ -n "$id" ]; then
      echo "$id"
      return 0
    fi
    sleep 0.1
  done
  return 1
}
