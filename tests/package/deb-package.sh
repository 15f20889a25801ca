#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# deb-package.sh BUILD_DIR EXECUTABLE PACKAGE_LIST VERSION [CONFIG]
#
# Builds the DEB with CPack into a scratch directory under the build tree, then checks what it
# holds, what it depends on (dpkg-shlibdeps' libraries plus the "runtime" lines of PACKAGE_LIST),
# and that the extracted executable runs. CPACK_COMMAND names the cpack to use (default: cpack).
set -euo pipefail

if [ $# -lt 4 ]; then
    sed -n '3,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
build_dir=$1
executable=$2
package_list=$3
version=$4
config=${5:-}

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
die() {
    echo "FAIL: $*" >&2
    exit 1
}

cpack=${CPACK_COMMAND:-cpack}
for tool in "$cpack" dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null \
        || die "$tool not found; install cmake and dpkg-dev (installer/setup.sh deps)"
done
[ -x "$executable" ] || die "$executable is missing; build the opsdeck target before running this test"
[ -f "$build_dir/CPackConfig.cmake" ] || die "$build_dir/CPackConfig.cmake is missing; configure the project first"

scratch="$build_dir/tests/package/deb"
rm -rf "$scratch"
mkdir -p "$scratch"

echo "== cpack -G DEB into $scratch"
cpack_args=(--config "$build_dir/CPackConfig.cmake" -G DEB -B "$scratch")
[ -z "$config" ] || cpack_args+=(-C "$config")
"$cpack" "${cpack_args[@]}" >"$scratch/cpack.log" 2>&1 || {
    cat "$scratch/cpack.log" >&2
    die "cpack failed"
}

shopt -s nullglob
debs=("$scratch"/opsdeck_*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || die "expected one opsdeck_*.deb in $scratch, found ${#debs[@]}"
deb=${debs[0]}
echo "== $deb"

echo "== control fields"
dpkg-deb -f "$deb" Package Version Architecture Section Maintainer Depends
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = opsdeck ] || fail "Package is '$(field Package)', expected 'opsdeck'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', expected '$version'"
[ "$(field Section)" = admin ] || fail "Section is '$(field Section)', expected 'admin'"

echo "== contents"
contents=$(dpkg-deb -c "$deb" | awk '{ print $NF }')
app_id=io.opsdeck.OpsDeck
for path in \
    ./usr/bin/opsdeck \
    "./usr/share/applications/$app_id.desktop" \
    "./usr/share/metainfo/$app_id.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$app_id.svg"; do
    if grep -qxF -- "$path" <<<"$contents"; then
        echo "ok   $path"
    else
        fail "the package does not hold $path"
    fi
done

echo "== Depends"
# "a (>= 1), b | c" -> one package name per line
depends=$(field Depends | sed -e 's/([^)]*)//g' -e 's/[,|]/\n/g' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d')
mapfile -t runtime < <(awk '!/^[[:space:]]*#/ && $1 == "runtime" { print $2 }' "$package_list")
[ ${#runtime[@]} -gt 0 ] || fail "$package_list lists no runtime packages"
# The first three come from dpkg-shlibdeps (libraries the executable links), the rest from the list.
for package in libqt6core6 libqt6widgets6 libssh-4 "${runtime[@]}"; do
    if grep -qxF -- "$package" <<<"$depends"; then
        echo "ok   $package"
    else
        fail "Depends lacks $package"
    fi
done

echo "== extracted executable"
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
desktop_icon=$(sed -n 's/^Icon=//p' "$root/usr/share/applications/$app_id.desktop")
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$desktop_icon.svg" ] \
    || fail "the desktop entry's Icon=$desktop_icon has no icon in the package"
status=0
output=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$root/usr/bin/opsdeck" --version 2>&1) \
    || status=$?
echo "$output"
[ "$status" -eq 0 ] || fail "usr/bin/opsdeck --version exited with status $status"
[ "$output" = "opsdeck $version" ] || fail "usr/bin/opsdeck --version printed '$output', expected 'opsdeck $version'"

if [ "$failures" -ne 0 ]; then
    echo "FAIL: $failures check(s) failed for $deb" >&2
    exit 1
fi
echo "PASS: $deb"
