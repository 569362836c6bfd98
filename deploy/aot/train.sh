#!/usr/bin/env bash
# Makes the class archive of mockpanel by a training run (decision 0044): starts the application
# on a database, opens the sign-in page and a join page as a first visitor would, stops it
# gracefully, and the JVM writes on its way out every class it loaded, linked, with its profiles.
# JDK 25+: an AOT cache (start with -XX:AOTCache=<archive>); JDK 21-24: a CDS archive
# (start with -XX:SharedArchiveFile=<archive>). Use the same JDK and the same jar to make and to
# use it: the JVM refuses (and says so at start) an archive of another jar or JDK.
#
#   SPRING_DATASOURCE_URL=jdbc:postgresql://... deploy/aot/train.sh app/mockpanel.jar app/app.aot
#
# The database may be a throw-away one (the Dockerfile starts one): the run migrates it and seeds
# the scenario library if it is empty; it creates an admin only if MOCKPANEL_ADMIN_USERNAME is set
# (MOCKPANEL_ADMIN_PASSWORD gets a placeholder here so that such a run does not stop on it).
set -euo pipefail
jar=${1:?usage: train.sh <extracted application jar> <archive to write>}
archive=${2:?usage: train.sh <extracted application jar> <archive to write>}
java=${JAVA:-java}
port=${TRAINING_PORT:-18089}
export MOCKPANEL_ADMIN_PASSWORD=${MOCKPANEL_ADMIN_PASSWORD:-training-run-only-password}

feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 25 ]; then option="-XX:AOTCacheOutput=$archive"; else option="-XX:ArchiveClassesAtExit=$archive"; fi
rm -f "$archive"

"$java" "$option" -jar "$jar" --server.port="$port" --mockpanel.public-url="http://localhost:$port/" \
    --mockpanel.mail.development-server=false &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

# bash's /dev/tcp: the JRE images have no curl.
get() {
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
    head -n 1 <&3 | grep -q ' 200 '
    local answered=$?
    exec 3<&- 3>&-
    return $answered
}
for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "train.sh: the application stopped before its sign-in page answered" >&2; exit 1; }
    if get /login 2>/dev/null; then break; fi
    sleep 0.5
done
get /login
get /join/not-a-token || true
kill -TERM "$pid"
wait "$pid" || true
trap - EXIT
test -s "$archive" || { echo "train.sh: no archive written at $archive" >&2; exit 1; }
echo "train.sh: wrote $archive ($(du -h "$archive" | cut -f1))"
