#!/usr/bin/env bash
# Demo installer for a new version of the CL/Web stand-in on one server:
#
#   config/scripts/update.sh <server> <version>
#
# Like the vendor's installer it refuses while CL/Web runs from that install directory, replaces
# the program, writes the VERSION file and puts a fresh local config folder where the link to
# the shared disk was: the rolling update's relink steps must catch and fix exactly that.
# Run by hand it finds the server under ${SWITCHBOARD_DATA_DIR:-./data}; run by Switchboard (the
# group's update-command) it gets the install directory in SWITCHBOARD_INSTALL_DIR.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <server> <version>   e.g. $0 srv2 1.1" >&2
  exit 2
fi
server="$1"
version="$2"
if ! [[ "$version" =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]]; then
  echo "update.sh: '$version' is not a version such as 1.1" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")/.." && pwd)"
install="${SWITCHBOARD_INSTALL_DIR:-${SWITCHBOARD_DATA_DIR:-./data}/servers/$server/usr/local/jcclweb}"
if [ ! -f "$install/VERSION" ]; then
  echo "update.sh: CL/Web is not installed on $server (no $install/VERSION); is the data directory right?" >&2
  exit 1
fi

pidfile="$install/run/clweb_serv.pid"
if [ -f "$pidfile" ] && pid="$(cat "$pidfile")" && [ -r "/proc/$pid/cmdline" ] \
   && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q '^clweb_serv'; then
  echo "update.sh: CL/Web is running on $server (pid $pid); move the group away before updating" >&2
  exit 1
fi

old="$(cat "$install/VERSION")"
cp "$here/app/clweb_serv.py" "$install/bin/clweb_serv.py"
echo "$version" > "$install/VERSION"
# the installer's default configuration, in a local folder where the link to the shared disk was
rm -rf "$install/config"
mkdir -p "$install/config"
printf '# CL/Web %s default configuration (written by the installer)\n' "$version" > "$install/config/clweb.conf"
echo "update.sh: CL/Web on $server updated from $old to $version; config is now a local folder (relink it to the shared disk)"
