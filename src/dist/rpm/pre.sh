# Before the files are laid down: the switchboard user must exist to own /var/lib/switchboard
# and read /etc/switchboard/application.yml. If it cannot be created, the install stops here.
getent passwd switchboard >/dev/null || \
  useradd --system --user-group --home-dir /var/lib/switchboard --no-create-home \
    --shell /sbin/nologin --comment "Switchboard failover dashboard" switchboard
