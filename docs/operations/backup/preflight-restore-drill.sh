#!/bin/sh
# The monthly restore drill: restores the newest encrypted backup into a new data folder, starts
# Preflight on it, checks that it serves and that its audit chain is whole, and records the drill,
# with how long the restore took, in the live Preflight's drill log.
#
# Settings, from the environment:
#   PREFLIGHT_JAR           Preflight's quarkus-run.jar (default /opt/preflight/quarkus-run.jar)
#   PREFLIGHT_BACKUP_DIR    where the encrypted backups are (fetched from off the host beforehand)
#   PREFLIGHT_BACKUP_CERT   the certificate they were encrypted to
#   PREFLIGHT_BACKUP_KEY    its private key
#   PREFLIGHT_URL           the live Preflight, where the drill is recorded
#   PREFLIGHT_TOKEN         an API token with write scope there; the restored copy knows it too
#   PREFLIGHT_SERVICE       the catalog entry of Preflight itself (default preflight)
#   PREFLIGHT_DRILL_PORT    the port the restored copy listens on while checked (default 18080)
#   PREFLIGHT_DRILL_MANAGEMENT_PORT  and its health port (default 18090)
set -eu
umask 077

jar=${PREFLIGHT_JAR:-/opt/preflight/quarkus-run.jar}
dir=${PREFLIGHT_BACKUP_DIR:?set PREFLIGHT_BACKUP_DIR to the folder of encrypted backups}
cert=${PREFLIGHT_BACKUP_CERT:?set PREFLIGHT_BACKUP_CERT}
key=${PREFLIGHT_BACKUP_KEY:?set PREFLIGHT_BACKUP_KEY}
live=${PREFLIGHT_URL:?set PREFLIGHT_URL to the live Preflight}
token=${PREFLIGHT_TOKEN:?set PREFLIGHT_TOKEN}
service=${PREFLIGHT_SERVICE:-preflight}
port=${PREFLIGHT_DRILL_PORT:-18080}
management=${PREFLIGHT_DRILL_MANAGEMENT_PORT:-18090}

newest=$(ls -1 "$dir"/preflight-*.backup.cms | sort | tail -n 1)
work=$(mktemp -d)
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

record() {
    curl -fsS -X POST -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
        "$live/api/v1/services/$service/drills" \
        -d "{\"kind\":\"restore_test\",\"dataStore\":\"PostgreSQL\",\"performedOn\":\"$(date -u +%Y-%m-%d)\",\
\"recoveryTime\":\"$1\",\"outcome\":\"$2\",\"notes\":\"$3\"}" >/dev/null
}

started=$(date +%s)
if ! openssl cms -decrypt -binary -inform DER -in "$newest" -inkey "$key" -recip "$cert" -out "$work/drill.backup" \
    || ! PREFLIGHT_DATA_DIR="$work/data" java -jar "$jar" restore "$work/drill.backup" >"$work/restore.log" 2>&1; then
    record "0 min" failed "Restoring $(basename "$newest") failed: $(tail -n 3 "$work/restore.log" 2>/dev/null | tr '\n"' '  ')"
    exit 1
fi
PREFLIGHT_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" java -jar "$jar" >"$work/preflight.log" 2>&1 &
pid=$!
ready=no
for _ in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$management/q/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
    sleep 1
done
chain=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/audit/verify" 2>/dev/null || true)
minutes=$(( ( $(date +%s) - started + 59 ) / 60 ))
if [ "$ready" = yes ] && printf '%s' "$chain" | grep -q '"intact" *: *true'; then
    record "$minutes min" success "Restored $(basename "$newest") into a new data folder; it served and its audit chain was whole."
    echo "Drill passed in $minutes min"
else
    record "$minutes min" failed "Restored $(basename "$newest"), but ready=$ready and the chain check said: $(printf '%s' "$chain" | tr '"' "'" | cut -c1-200)"
    exit 1
fi
