#!/usr/bin/env bash
# Drives simulated buyers through a running sync server's public online API over HTTP (join the
# waiting room, read the place, wait for admission, hold the best seats, pay with the test card) and
# checks the outcome in its PostgreSQL: every seat sold once, every confirmed sale recorded.
#
# Every simulated buyer comes from this machine's one address, so start the server with the
# per-address limits raised (and, to sell out quickly, a higher admission rate):
#   java -jar sync-server/target/boxoffice-sync-server-*.jar --boxoffice.online.joins-per-minute=100000000 \
#       --boxoffice.online.status-reads-per-second=100000000 --boxoffice.online.admission-rate=500
#   sync-server/bench/load.sh --url http://127.0.0.1:8080 --performance <id> --buyers 10000 \
#       --jdbc jdbc:postgresql://127.0.0.1:5432/boxoffice --db-user postgres
#
# Other options: --connections 4 --pipeline 32 --requests-per-connection 100 (joins and status reads:
# the last is the server's server.tomcat.max-keep-alive-requests), --buyers-at-once 64,
# --max-seats 4, --buy false (join and read statuses only), --db-password. It prints what it did and exits 1 when anything was sold twice or lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -pl sync-server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/load-classpath.txt >/dev/null
java=java
if ! java -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then
    java=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
        "$j" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])' && echo "$j" && break; done)
fi
exec "$java" -cp "sync-server/target/test-classes:sync-server/target/classes:$(cat sync-server/target/load-classpath.txt)" \
    com.boxoffice.server.load.LoadTool "$@"
