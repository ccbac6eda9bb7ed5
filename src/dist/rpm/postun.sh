# After an upgrade ($1 >= 1) a running service restarts on the new jar.
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
  if [ "$1" -ge 1 ]; then systemctl try-restart switchboard.service || true; fi
fi
exit 0
