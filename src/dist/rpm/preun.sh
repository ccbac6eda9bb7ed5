# On erase ($1 = 0; not on upgrade) stops and disables the service. The embedded engine's
# application processes keep running, as on every stop.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
  systemctl disable --now switchboard.service >/dev/null 2>&1 || true
fi
exit 0
