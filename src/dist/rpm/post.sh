# Lets systemd see the unit. The service is not enabled or started here: edit
# /etc/switchboard/cluster.yml first, then `systemctl enable --now switchboard`.
if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
exit 0
