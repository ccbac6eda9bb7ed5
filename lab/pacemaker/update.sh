#!/usr/bin/env bash
# update.sh -- the demo installer of a new CL/Web version on one node of the Pacemaker lab
# (the lab's counterpart of config/scripts/update.sh):
#
#   lab/pacemaker/update.sh <srv1|srv2|srv3> <version>      e.g. update.sh srv2 1.1
#
# Like a vendor's installer it refuses while CL/Web (a process named clweb_serv) runs on that
# node, then replaces the program, writes the VERSION file and puts a fresh local config folder
# where the link to the shared disk (/mnt/export/config) was: a rolling update must catch and
# fix exactly that (relink) before the group comes back to this node.
# Exit 0 updated, 1 refused (running, or not installed), 2 usage, 125 node not running.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
if (( $# != 2 )) || ! is_node "$1"; then
  echo "usage: $0 <srv1|srv2|srv3> <version>   e.g. $0 srv2 1.1" >&2
  exit 2
fi
node=$1
version=$2
if ! [[ $version =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]]; then
  echo "update.sh: '$version' is not a version such as 1.1" >&2
  exit 2
fi
APP=$HERE/../../config/app/clweb_serv.py
holder_pid "$node" >/dev/null || {
  echo "update.sh: could not connect to $node: the lab node is not running (start it with $HERE/up.sh)" >&2
  exit 125
}

# Running on this node = a process named clweb_serv in the node's network namespace. A pgrep
# inside the node would also see the other node's clweb_serv (shared PID namespace).
if running=$("$HERE/procs.sh" "$node" '^clweb_serv( |$)'); then
  echo "update.sh: CL/Web is running on $node (pid ${running%% *}); move the group away before updating" >&2
  exit 1
fi

# The install itself runs inside the node, on its own /usr/local/jcclweb; the new program
# comes in on stdin. The script is a quoted heredoc: nothing in it is expanded here.
read -r -d '' install_script <<'INSTALL' || true
set -euo pipefail
version=$1 node=$(uname -n) install=/usr/local/jcclweb
if [[ ! -f $install/VERSION ]]; then
  echo "update.sh: CL/Web is not installed on $node (no $install/VERSION)" >&2
  exit 1
fi
old=$(cat "$install/VERSION")
cat > "$install/bin/clweb_serv.py.new"
mv "$install/bin/clweb_serv.py.new" "$install/bin/clweb_serv.py"
echo "$version" > "$install/VERSION"
# the installer's default configuration, in a local folder where the link to the shared disk was
rm -rf "$install/config"
mkdir -p "$install/config"
printf '# CL/Web %s default configuration (written by the installer)\n' "$version" > "$install/config/clweb.conf"
echo "update.sh: CL/Web on $node updated from $old to $version; config is now a local folder (relink it to the shared disk)"
INSTALL
in_node "$node" bash -c "$install_script" update.sh "$version" < "$APP"
