#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Certificates for the TLS check tests, made fresh under DIR (P-256 keys, quick to make):
#
#   tls-certs.sh DIR
#
# ca.pem/ca.key          "OpsDeck Test CA", the issuer of every leaf but the self-signed one
# valid.pem/.key         localhost and 127.0.0.1, a year left
# expiring.pem/.key      localhost and 127.0.0.1, 3 days left
# expired.pem/.key       localhost and 127.0.0.1, ended 10 days ago
# wronghost.pem/.key     other.invalid only, a year left
# selfsigned.pem/.key    localhost and 127.0.0.1, signed by itself, a year left
set -euo pipefail

[ $# -eq 1 ] || { sed -n '3,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
mkdir -p "$1"
cd "$1"

at() { date -u -d "$1" +%Y%m%d%H%M%SZ; }
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }

rm -rf issued index.txt* serial*
mkdir issued
touch index.txt
echo 1000 >serial
cat >ca.cnf <<'CNF'
[ca]
default_ca = test
[test]
dir = .
database = index.txt
new_certs_dir = issued
serial = serial
default_md = sha256
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
[leaf]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
CNF

key ca
openssl req -x509 -new -key ca.key -subj "/CN=OpsDeck Test CA" -days 3650 -out ca.pem \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"

leaf() { # name common-name subject-alt-names start end
    key "$1"
    openssl req -new -key "$1.key" -subj "/CN=$2" -addext "subjectAltName=$3" -out "$1.csr"
    openssl ca -batch -notext -config ca.cnf -extensions leaf -cert ca.pem -keyfile ca.key \
        -in "$1.csr" -out "$1.pem" -startdate "$(at "$4")" -enddate "$(at "$5")" 2>/dev/null
}
local_names="DNS:localhost,IP:127.0.0.1"
leaf valid localhost "$local_names" '-1 hour' '+365 days'
leaf expiring localhost "$local_names" '-1 hour' '+3 days'
leaf expired localhost "$local_names" '-40 days' '-10 days'
leaf wronghost other.invalid "DNS:other.invalid" '-1 hour' '+365 days'

key selfsigned
openssl req -x509 -new -key selfsigned.key -subj "/CN=localhost" -days 365 -out selfsigned.pem \
    -addext "subjectAltName=$local_names"
