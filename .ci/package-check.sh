#!/usr/bin/env bash
# The server packages of `mvn -Pdist package`, checked as an administrator would use them: the
# .deb installed with dpkg, Switchboard started through its launcher as the switchboard user
# until /actuator/health is UP, stopped, removed and purged; the .rpm and the tarball compared
# with it. Run as root by .ci/run after the tests (bash .ci/package-check.sh runs it alone).
#
# It runs beside the demo and the tests without touching them: its own dashboard port, its own
# cluster on 127.0.2.x (the demo uses 127.0.0.11-13:18080, the tests 127.0.1.11-13:18180), its
# own data directory, and it stops only the processes it started (its JVM by pid, the cluster's
# application by the marker the embedded engine gives each of its processes).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PACKAGE_CHECK_PORT:-18490}"     # the dashboard
APP_PORT=18580                          # the example cluster's application, on 127.0.2.11-13
HEALTH="http://127.0.0.1:$PORT/actuator/health"

fail() { echo "package-check: FAILED: $*" >&2; exit 1; }
say() { echo "package-check: $*"; }

shopt -s nullglob
debs=(target/dist/*.deb) rpms=(target/dist/*.rpm) tarballs=(target/dist/*.tar.gz)
shopt -u nullglob
(( ${#debs[@]} == 1 && ${#rpms[@]} == 1 && ${#tarballs[@]} == 1 )) \
  || fail "target/dist/ must hold one .deb, one .rpm and one .tar.gz (found: $(ls target/dist 2>/dev/null | tr '\n' ' ')); run mvn -Pdist -DskipTests package first"
deb="${debs[0]}" rpm="${rpms[0]}" tarball="${tarballs[0]}"
[[ "$(id -u)" == 0 ]] || fail "run as root: it installs the .deb"
if dpkg -s switchboard >/dev/null 2>&1; then
  fail "a switchboard package is already installed on this machine; this check would replace it, so it stops here"
fi
if ss -ltn | awk '{print $4}' | grep -qE "[:.]$PORT\$|127\.0\.2\.1[123]:$APP_PORT\$"; then
  fail "port $PORT or 127.0.2.11-13:$APP_PORT is taken; set PACKAGE_CHECK_PORT to a free port"
fi

work="$(mktemp -d -t switchboard-package-check.XXXXXX)"
chmod 755 "$work"
java_pid=""

# The cluster's processes started from this check's data directory, by the embedded engine's marker.
application_pids() {
  local marker="SWITCHBOARD_CLUSTER=/var/lib/switchboard" environ pid
  for environ in /proc/[0-9]*/environ; do
    pid="${environ#/proc/}"
    pid="${pid%/environ}"
    if grep -qzxF "$marker" "$environ" 2>/dev/null; then echo "$pid"; fi
  done
}

cleanup() {
  if [[ -n "$java_pid" ]] && kill -0 "$java_pid" 2>/dev/null; then
    kill -KILL "$java_pid" 2>/dev/null || true
  fi
  local pids
  pids="$(application_pids)"
  # shellcheck disable=SC2086 # one pid per word
  [[ -z "$pids" ]] || kill -TERM $pids 2>/dev/null || true
  if dpkg -s switchboard >/dev/null 2>&1; then dpkg --purge switchboard >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- what the packages hold -------------------------------------------------------------------
files_of_deb() { dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $NF}' | sed 's|^\./|/|' | sort; }
files_of_tarball() { tar -tvzf "$tarball" | awk '$1 !~ /^d/ {print "/" $NF}' | sort; }
expected_files="/etc/switchboard/app/clweb_serv.py
/etc/switchboard/application.yml
/etc/switchboard/cluster.yml
/etc/switchboard/scripts/install.sh
/etc/switchboard/scripts/start.sh
/etc/switchboard/scripts/stop.sh
/etc/switchboard/scripts/update.sh
/usr/bin/switchboard
/usr/lib/systemd/system/switchboard.service
/usr/share/doc/switchboard/README.md
/usr/share/switchboard/switchboard.jar"
[[ "$(files_of_deb)" == "$expected_files" ]] || fail "the .deb holds: $(files_of_deb | tr '\n' ' ')"
[[ "$(files_of_tarball)" == "$expected_files" ]] || fail "the tarball holds: $(files_of_tarball | tr '\n' ' ')"
conffiles="$(dpkg-deb -I "$deb" conffiles | sort)"
[[ "$conffiles" == "$(grep '^/etc/' <<<"$expected_files")" ]] || fail "the .deb's conffiles are: $conffiles"
version="$(dpkg-deb -f "$deb" Version)"
say "the .deb ($version) and the tarball hold the same $(wc -l <<<"$expected_files") files; every /etc file is a conffile"
if command -v rpm >/dev/null; then
  files_of_rpm() { rpm -qp --qf '[%{FILEMODES:perms} %{FILENAMES}\n]' "$rpm" 2>/dev/null | awk '$1 !~ /^d/ {print $2}' | sort; }
  [[ "$(files_of_rpm)" == "$expected_files" ]] || fail "the .rpm holds: $(files_of_rpm | tr '\n' ' ')"
  [[ "$(rpm -qpc "$rpm" 2>/dev/null)" == "$(grep '^/etc/' <<<"$expected_files")" ]] \
    || fail "the .rpm's %config files are: $(rpm -qpc "$rpm" | tr '\n' ' ')"
  rpm -qp --qf '[%{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILENAMES}\n]' "$rpm" 2>/dev/null \
    | grep -qxF 'drwx------ switchboard switchboard /var/lib/switchboard' || fail "the .rpm's /var/lib/switchboard is not 0700 switchboard"
  rpm -qp --qf '[%{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILENAMES}\n]' "$rpm" 2>/dev/null \
    | grep -qxF -- '-rw-r----- root switchboard /etc/switchboard/application.yml' || fail "the .rpm's application.yml is not 0640 root:switchboard"
  rpm -qp --scripts "$rpm" 2>/dev/null | grep -q 'useradd --system' || fail "the .rpm's %pre does not create the switchboard user"
  [[ "$(rpm -qp --qf '%{VERSION}' "$rpm")" == "${version%%~*}" ]] || fail "the .rpm's version is $(rpm -qp --qf '%{VERSION}' "$rpm"), the .deb's $version"
  say "the .rpm holds the same files as %config(noreplace) where in /etc, application.yml 0640 root:switchboard, /var/lib/switchboard 0700 switchboard, and creates the user in %pre"
else
  say "rpm is not installed: the .rpm's contents are not compared"
fi

# --- install ----------------------------------------------------------------------------------
dpkg -i "$deb" </dev/null >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i $deb"; }
id switchboard >/dev/null 2>&1 || fail "dpkg -i did not create the switchboard user"
[[ "$(stat -c '%a %U %G' /var/lib/switchboard)" == "700 switchboard switchboard" ]] \
  || fail "/var/lib/switchboard is $(stat -c '%a %U %G' /var/lib/switchboard), not 700 switchboard switchboard"
[[ "$(stat -c '%a %U %G' /etc/switchboard/application.yml)" == "640 root switchboard" ]] \
  || fail "/etc/switchboard/application.yml is $(stat -c '%a %U %G' /etc/switchboard/application.yml), not 640 root switchboard"
say "installed; switchboard user $(id switchboard); /var/lib/switchboard 0700 switchboard; application.yml 0640 root:switchboard"

if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /usr/lib/systemd/system/switchboard.service >"$work/verify.log" 2>&1 \
    || { cat "$work/verify.log" >&2; fail "systemd-analyze verify switchboard.service"; }
  [[ ! -s "$work/verify.log" ]] || { cat "$work/verify.log" >&2; fail "systemd-analyze verify warns about switchboard.service"; }
  say "systemd-analyze verify: switchboard.service is clean"
fi

switchboard check >"$work/check.log" 2>&1 || { cat "$work/check.log" >&2; fail "switchboard check of the packaged /etc/switchboard/cluster.yml"; }
grep -q '^The cluster definition /etc/switchboard/cluster.yml is valid' "$work/check.log" || fail "switchboard check said: $(cat "$work/check.log")"
status=0
switchboard >"$work/root.log" 2>&1 || status=$?
[[ "$status" == 2 ]] && grep -q 'refusing to run the dashboard as root' "$work/root.log" \
  || fail "the launcher run as root did not refuse (status $status): $(cat "$work/root.log")"
say "switchboard check validates the packaged cluster.yml; the launcher refuses to run the dashboard as root"

# --- start through the launcher, as the service would -----------------------------------------
# As an administrator would: the example cluster edited in place onto this check's addresses,
# the port as a setting on the command line; the packaged application.yml (data in
# /var/lib/switchboard, the cluster in /etc/switchboard) is what makes the start find either.
sed -i -e 's/127\.0\.0\.1\([123]\)/127.0.2.1\1/g' -e "s/18080/$APP_PORT/g" /etc/switchboard/cluster.yml
if grep -q '127\.0\.0\.' /etc/switchboard/cluster.yml; then fail "the edited cluster.yml still names a 127.0.0.x address"; fi
# The unit's hardening that decides whether the embedded engine can work, rebuilt here without
# systemd: a private mount namespace where every file system is read-only (ProtectSystem=strict)
# except the data directory (ReadWritePaths), with private /tmp and /var/tmp (PrivateTmp), and
# no new privileges (NoNewPrivileges) for the JVM and every script it starts.
sandbox='
  mount --bind /var/lib/switchboard /var/lib/switchboard
  findmnt -rn -o TARGET,OPTIONS | while read -r target options; do
    case "$target" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*|/var/lib/switchboard) continue ;; esac
    case "$options" in ro,*) continue ;; esac
    mount -o remount,bind,ro "$target" || exit 1
  done
  mount -t tmpfs -o mode=1777 tmpfs /tmp && mount -t tmpfs -o mode=1777 tmpfs /var/tmp
  if touch /usr/share/switchboard/.writable 2>/dev/null; then echo "package-check: / is still writable" >&2; exit 1; fi
  exec setpriv --no-new-privs --reuid=switchboard --regid=switchboard --init-groups \
    env HOME=/var/lib/switchboard USER=switchboard LOGNAME=switchboard "$@"'
# Starts the dashboard through the launcher in that sandbox and waits until it is healthy.
start_dashboard() {
  unshare --mount --propagation private -- sh -c "$sandbox" sandbox \
    /usr/bin/switchboard --server.port="$PORT" >>"$work/switchboard.log" 2>&1 </dev/null &
  java_pid=$!
  local deadline=$((SECONDS + 180))
  until curl -fsS --max-time 3 "$HEALTH" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$java_pid" 2>/dev/null || (( SECONDS >= deadline )); then
      tail -n 40 "$work/switchboard.log" >&2
      fail "/actuator/health not UP at $HEALTH"
    fi
    sleep 1
  done
}
stop_dashboard() {
  kill -TERM "$java_pid"
  for _ in $(seq 1 60); do kill -0 "$java_pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$java_pid" 2>/dev/null; then fail "Switchboard did not stop within 60 s of SIGTERM"; fi
  wait "$java_pid" 2>/dev/null || true
  java_pid=""
}
# Healthy means the group is Online: its start script returned, which is before the application
# has bound its port on a loaded machine (the floating address then accepts and closes), so the
# application is given a while to answer, as a client's retry would.
application_answers() {
  local deadline=$((SECONDS + 20))
  until curl -fsS --max-time 3 "http://127.0.2.13:$APP_PORT/" 2>/dev/null | grep -q '^CL/Web on srv1,'; do
    (( SECONDS < deadline )) || return 1
    sleep 0.5
  done
}
start_dashboard
[[ "$(ps -o user= -p "$java_pid")" == switchboard ]] || fail "the JVM runs as $(ps -o user= -p "$java_pid"), not switchboard"
grep -qx 'NoNewPrivs:[[:space:]]*1' /proc/"$java_pid"/status || fail "the JVM runs without no_new_privs: the sandbox did not apply"
# the jar as the launcher extracted it into its start cache, writing a class-data archive at its stop
cache=/var/lib/switchboard/start-cache
[[ "$(tr '\0' ' ' </proc/"$java_pid"/cmdline)" == *"-XX:ArchiveClassesAtExit=$cache/switchboard.jsa "*"-jar $cache/app/switchboard.jar --spring.config.additional-location=/etc/switchboard/"* ]] \
  || fail "the launcher ran: $(tr '\0' ' ' </proc/"$java_pid"/cmdline)"
application_answers || fail "the example cluster's application does not answer from srv1 at 127.0.2.13:$APP_PORT within 20 s"
[[ "$(stat -c '%a %U' /var/lib/switchboard/initial-admin-password)" == "600 switchboard" ]] \
  || fail "the initial ADMIN's password file is $(stat -c '%a %U' /var/lib/switchboard/initial-admin-password)"
say "started through /usr/bin/switchboard as switchboard (pid $java_pid) on a read-only system with only /var/lib/switchboard writable, private /tmp, no new privileges: $HEALTH is UP, the packaged example cluster answers from srv1 at 127.0.2.13:$APP_PORT"

stop_dashboard
[[ -s "$cache/switchboard.jsa" && "$(stat -c %U "$cache/switchboard.jsa")" == switchboard ]] \
  || fail "the first stop wrote no class-data archive $cache/switchboard.jsa: $(ls -l "$cache" 2>&1 | tr '\n' ' ')"
start_dashboard
[[ "$(tr '\0' ' ' </proc/"$java_pid"/cmdline)" == *"-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=$cache/switchboard.jsa "*"-jar $cache/app/switchboard.jar "* ]] \
  || fail "the launcher's restart ran (with C1 only and the archive expected): $(tr '\0' ' ' </proc/"$java_pid"/cmdline)"
application_answers || fail "after the restart, the example cluster's application does not answer from srv1 at 127.0.2.13:$APP_PORT within 20 s"
say "restarted with the class-data archive its first stop wrote ($cache/switchboard.jsa): $HEALTH is UP again"
stop_dashboard
pids="$(application_pids)"
[[ -n "$pids" ]] || fail "the cluster's application did not outlive Switchboard's stop"
# shellcheck disable=SC2086 # one pid per word
kill -TERM $pids
say "stopped; the cluster's application outlived it (as KillMode=process lets it in the service) and was then stopped by its marker"

# --- upgrade keeps edits, remove keeps /etc, purge removes everything ---------------------------
dpkg -i "$deb" </dev/null >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i over the installed package"; }
grep -qF "127.0.2.13" /etc/switchboard/cluster.yml || fail "installing the .deb again lost the edit of cluster.yml"
dpkg -r switchboard </dev/null >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -r switchboard"; }
[[ ! -e /usr/bin/switchboard && ! -e /usr/share/switchboard/switchboard.jar ]] || fail "dpkg -r left the launcher or the jar"
[[ -f /etc/switchboard/application.yml && -d /var/lib/switchboard ]] || fail "dpkg -r removed the configuration or the data"
dpkg --purge switchboard </dev/null >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg --purge switchboard"; }
[[ ! -e /etc/switchboard && ! -e /var/lib/switchboard ]] || fail "dpkg --purge left /etc/switchboard or /var/lib/switchboard"
say "installing again kept the edited cluster.yml; dpkg -r kept /etc/switchboard and the data; dpkg --purge removed both"
say "the packages pass"
