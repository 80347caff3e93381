#!/usr/bin/env bash
# A throw-away certificate authority and the brokers' TLS identity, for the local secured
# Kafka cluster (scripts/kafka-cluster.sh). Never for production: a deployment brings its own
# PKI. Everything lands in the state directory, which git ignores.
#
#   scripts/kafka-certs.sh <dir>     create <dir>/ca.crt, broker.p12 and the store password
#                                     (kept if they already exist and are still valid)
#
# Files:
#   ca.crt            the CA certificate (PEM): what clients trust (KAFKA_SSL_CA_FILE)
#   ca.key            the CA private key: only used here, to sign the broker certificate
#   broker.p12        the brokers' key and certificate chain (PKCS#12), CN=broker,
#                     valid for 127.0.0.1, ::1 and localhost
#   broker.p12.password  the PKCS#12 password (random)
set -euo pipefail

DIR="${1:?usage: kafka-certs.sh <dir>}"
DAYS=30 # a short life: these certificates only serve tests and the demo

log() { printf '[kafka-certs] %s\n' "$*"; }

mkdir -p "$DIR"
chmod 700 "$DIR"
cd "$DIR"

# Regenerate when missing or expiring within a day, so a long-lived state directory keeps working.
if [[ -f ca.crt && -f broker.p12 && -f broker.p12.password ]] \
    && openssl x509 -in ca.crt -noout -checkend 86400 >/dev/null \
    && openssl x509 -in broker.crt -noout -checkend 86400 >/dev/null 2>&1; then
  exit 0
fi

umask 077
rm -f ca.* broker.*
openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$DAYS" \
  -subj "/O=Vigie local/CN=Vigie local Kafka CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout ca.key -out ca.crt 2>/dev/null

openssl req -newkey rsa:2048 -nodes -sha256 -subj "/O=Vigie local/CN=broker" \
  -keyout broker.key -out broker.csr 2>/dev/null
# Serving (brokers' listeners) and client (a broker calling the controllers) use of one key.
cat >broker.ext <<EXT
basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost
EXT
openssl x509 -req -in broker.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days "$DAYS" \
  -extfile broker.ext -out broker.crt 2>/dev/null

openssl rand -hex 24 >broker.p12.password
openssl pkcs12 -export -name broker -inkey broker.key -in broker.crt -certfile ca.crt \
  -passout "file:broker.p12.password" -out broker.p12
rm -f broker.csr broker.ext broker.key ca.srl
chmod 644 ca.crt
log "CA and broker certificate written to $DIR (valid $DAYS days)"
