# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the container fixtures: overlay and shm mounts a stopped engine leaves under its
# directory (a fresh Debian root kept them, and every later run then failed to clean up).

unmount_under() { # dir -> unmounts whatever is mounted under DIR, deepest first; 1 if any remain
    local dir=$1 mount
    for mount in $(awk -v prefix="$dir/" 'index($2, prefix) == 1 { print $2 }' /proc/mounts | sort -r); do
        umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true
    done
    ! grep -qF " $dir/" /proc/mounts
}

# Both engines unpack images after making "/" private or a slave in a mount namespace of their
# own, which fails where "/" is not a mount point: in a chroot such as a debootstrap root. The
# tests skip an engine whose fixture exits 3 saying "unsupported here".
require_mounted_root() { # engine -> exits 3 when "/" is not a mount point
    if ! mountpoint -q /; then
        echo "$1-fixture: unsupported here: / is not a mount point (a chroot), and $1 cannot unpack images without one" >&2
        exit 3
    fi
}
