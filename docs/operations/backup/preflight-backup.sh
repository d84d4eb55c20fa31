#!/bin/sh
# Takes a backup of Preflight with its own command, encrypts it to a certificate (the private key
# stays elsewhere: with whoever restores), copies it off the host and keeps KEEP_DAYS days here.
# Run it every hour (RPO 1 h): preflight-backup.timer with systemd, preflight-backup-cronjob.yaml
# on Kubernetes.
#
# Settings, from the environment:
#   PREFLIGHT_JAR               Preflight's quarkus-run.jar (default /opt/preflight/quarkus-run.jar)
#   PREFLIGHT_BACKUP_DIR        where backups are written and kept (default /var/backups/preflight)
#   PREFLIGHT_BACKUP_CERT       the PEM certificate backups are encrypted to (required)
#   PREFLIGHT_BACKUP_COPY       a command that copies one file off the host, the file's path added
#                               at its end: "aws s3 cp --only-show-errors" needs a destination, so
#                               wrap it: PREFLIGHT_BACKUP_COPY=/usr/local/bin/preflight-offsite
#                               (default: none, which is refused: a backup on the same host is not one)
#   PREFLIGHT_BACKUP_KEEP_DAYS  days kept here (default 35); keep as long off the host (a bucket
#                               lifecycle rule)
# and Preflight's own database settings (PREFLIGHT_DATA_DIR for the embedded database, or
# QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD).
set -eu
umask 077

jar=${PREFLIGHT_JAR:-/opt/preflight/quarkus-run.jar}
dir=${PREFLIGHT_BACKUP_DIR:-/var/backups/preflight}
cert=${PREFLIGHT_BACKUP_CERT:?set PREFLIGHT_BACKUP_CERT to the certificate backups are encrypted to}
copy=${PREFLIGHT_BACKUP_COPY:?set PREFLIGHT_BACKUP_COPY to a command that copies a file off this host}
keep=${PREFLIGHT_BACKUP_KEEP_DAYS:-35}

mkdir -p "$dir"
name="$dir/preflight-$(date -u +%Y%m%dT%H%M%SZ).backup"
trap 'rm -f "$name" "$name.cms.partial"' EXIT

java -jar "$jar" backup "$name"
openssl cms -encrypt -binary -aes256 -outform DER -in "$name" -out "$name.cms.partial" "$cert"
mv "$name.cms.partial" "$name.cms"
rm -f "$name"
$copy "$name.cms"
find "$dir" -name 'preflight-*.backup.cms' -mtime +"$keep" -delete
echo "Encrypted backup $name.cms copied off the host"
