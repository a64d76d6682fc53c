#!/usr/bin/env bash
# Builds the Debian packages and installs them into a clean Debian 12 root made by mmdebstrap from Debian's
# mirror: the programs run there, the files land where docs/INSTALL.md and docs/OPERATIONS.md say, the
# lantern user and data folders are made, systemd-analyze verify passes on the units, and remove keeps data
# while purge deletes it. Takes several minutes and needs deb.debian.org, so it is not in scripts/test.sh:
# CI runs it after (.ci/run). Needs root (mmdebstrap --mode=root) or unshare.
# usage: scripts/package_test.sh [--debs DIR] [MIRROR]
#   --debs DIR: test the lantern-*.deb already in DIR instead of building them with scripts/package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
build=${LANTERN_PACKAGE_BUILD_DIR:-$PWD/build-package}
if [ "${1:-}" = "--debs" ]; then
  build=$(cd "$2" && pwd)
  shift 2
else
  scripts/package.sh
fi
mirror=${1:-http://deb.debian.org/debian}
command -v mmdebstrap >/dev/null || {
  echo "package_test: installing mmdebstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap >/dev/null
}
debs=("$build"/lantern-hub_*.deb "$build"/lantern-kiosk_*.deb)
for d in "${debs[@]}"; do [ -f "$d" ] || { echo "package_test: no $d" >&2; exit 1; }; done
echo "package_test: packages:"
for d in "${debs[@]}"; do dpkg-deb -f "$d" Package Version Depends | sed 's/^/  /'; done

root=$(mktemp -d /tmp/lantern-debroot.XXXXXX)
rmdir "$root"  # mmdebstrap makes it
work=$(mktemp -d)
trap 'rm -rf "$root" "$work"' EXIT
cat >"$work/checks.sh" <<'SH'
set -eu
# Sanitizer builds (a developer's --debs) cannot run LeakSanitizer as another user inside a chroot.
export ASAN_OPTIONS=detect_leaks=0
fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
echo "package_test: in the new root: $(. /etc/os-release; echo "$PRETTY_NAME")"
lantern --version | grep -q "^lantern 0\." || fail "lantern --version"
lantern --version
lantern-hub --help | grep -q -- "--listen" || fail "lantern-hub --help"
lantern-hub --version
lantern-kiosk --version
# Where the docs say the files are.
for f in /usr/bin/lantern /usr/bin/lantern-hub /usr/bin/lantern-kiosk /usr/share/lantern/pack.sqlite \
         /etc/lantern/kiosk.toml /etc/lantern/hub.toml /etc/pam.d/lantern-kiosk \
         /usr/lib/systemd/system/lantern-hub.service /usr/lib/systemd/system/lantern-kiosk.service \
         /usr/share/doc/lantern-kiosk/INSTALL.md /usr/share/doc/lantern-hub/OPERATIONS.md; do
  [ -e "$f" ] || fail "missing $f"
done
getent passwd lantern >/dev/null || fail "no lantern user"
[ "$(stat -c %U:%a /var/lib/lantern/hub)" = lantern:700 ] || fail "/var/lib/lantern/hub is $(stat -c %U:%a /var/lib/lantern/hub)"
[ "$(stat -c %U:%a /var/lib/lantern/kiosk)" = lantern:700 ] || fail "/var/lib/lantern/kiosk"
[ "$(stat -c %G:%a /etc/lantern/hub.toml)" = lantern:640 ] || fail "/etc/lantern/hub.toml mode"
systemctl is-enabled lantern-hub.service | grep -q enabled || fail "lantern-hub not enabled"
# The shipped content pack opens, and the kiosk's shipped config parses.
lantern content info /usr/share/lantern/pack.sqlite | head -3
# The hub runs from the package as the lantern user with the shipped config (on a free port instead of 8470).
su -s /bin/sh lantern -c 'timeout 5 lantern-hub --config /etc/lantern/hub.toml --listen 127.0.0.1:0' >/tmp/hub.out 2>&1 || true
grep -q "listening on http://127.0.0.1:" /tmp/hub.out || { cat /tmp/hub.out; fail "the hub did not start"; }
[ -f /var/lib/lantern/hub/hub.sqlite ] || fail "the hub wrote no store in /var/lib/lantern/hub"
su -s /bin/sh lantern -c 'lantern-hub backup --config /etc/lantern/hub.toml --to /var/lib/lantern/hub/b.sqlite' || fail "backup"
# The unit files, with every program they name present.
out=$(systemd-analyze verify /usr/lib/systemd/system/lantern-hub.service /usr/lib/systemd/system/lantern-kiosk.service 2>&1) && [ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify"; }
echo "package_test: systemd-analyze verify: ok"
# Remove keeps data; purge deletes it.
touch /var/lib/lantern/kiosk/outbox.sqlite
apt-get remove -y -qq lantern-kiosk >/dev/null
[ -f /var/lib/lantern/kiosk/outbox.sqlite ] || fail "remove deleted the kiosk's data"
apt-get purge -y -qq lantern-hub >/dev/null
[ ! -e /var/lib/lantern/hub ] || fail "purge kept /var/lib/lantern/hub"
[ -f /var/lib/lantern/kiosk/outbox.sqlite ] || fail "purging the hub deleted the kiosk's data"
apt-get purge -y -qq lantern-kiosk >/dev/null
[ ! -e /var/lib/lantern ] || fail "purge kept /var/lib/lantern"
! getent passwd lantern >/dev/null || fail "purge kept the lantern user"
echo "package_test: all checks passed"
SH
include=$(IFS=,; echo "${debs[*]}")
mmdebstrap --variant=apt --mode=root --include="systemd,$include" \
  --hook-dir=/usr/share/mmdebstrap/hooks/file-mirror-automount \
  --customize-hook="copy-in $work/checks.sh /tmp" --customize-hook='chroot "$1" sh /tmp/checks.sh' \
  bookworm "$root" "$mirror"
