# Before the files are laid down: the switchboard user must exist to own /var/lib/switchboard.
getent passwd switchboard >/dev/null || \
  useradd --system --user-group --home-dir /var/lib/switchboard --no-create-home \
    --shell /sbin/nologin --comment "Switchboard failover dashboard" switchboard
exit 0
