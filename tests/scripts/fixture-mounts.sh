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
