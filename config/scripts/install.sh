#!/usr/bin/env bash
# Demo installer: puts the CL/Web stand-in into this server's install directory, like the
# vendor's installer, and replaces the local config folder by a link to the shared disk's
# config folder (the reference case's install steps 6 and 9).
# Run by the embedded engine once per new server (embedded.provision in cluster.yml).
set -euo pipefail
: "${SWITCHBOARD_INSTALL_DIR:?run by Switchboard: SWITCHBOARD_INSTALL_DIR is not set}"
: "${SWITCHBOARD_MOUNT_POINT:?run by Switchboard: SWITCHBOARD_MOUNT_POINT is not set}"
version="${1:-1.0}"
here="$(cd "$(dirname "$0")/.." && pwd)"
install="$SWITCHBOARD_INSTALL_DIR"

mkdir -p "$install/bin" "$install/run" "$install/logs"
cp "$here/app/clweb_serv.py" "$install/bin/clweb_serv.py"
echo "$version" > "$install/VERSION"
rm -rf "$install/config"
ln -s "$SWITCHBOARD_MOUNT_POINT/config" "$install/config"
echo "install.sh: CL/Web $version installed in $install on ${SWITCHBOARD_SERVER_NAME:-?}; config -> $SWITCHBOARD_MOUNT_POINT/config"
