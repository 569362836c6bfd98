# Builds the production jar (Vaadin production mode), extracts it, and makes its AOT cache by a
# training run (decision 0044), so that a node starts in about a third of the time. JDK 25 makes
# and uses the cache; the same jar runs on any JDK 21+ without it (README, "Start-up").
# docker compose up uses this; see docker-compose.yml for the variables it needs.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction
COPY frontend frontend
COPY src src
RUN ./mvnw -B -Pproduction -DskipTests package \
 && java -Djarmode=tools -jar target/mockpanel-*.jar extract --destination /build/app \
 && mv /build/app/mockpanel-*.jar /build/app/mockpanel.jar

# The training run, on the very JRE image the app runs on (an AOT cache only maps on the JVM and
# the jars it was made with), against a throw-away PostgreSQL that exists only in this stage.
FROM eclipse-temurin:25-jre AS train
RUN apt-get update && apt-get install -y --no-install-recommends postgresql && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/app /app
COPY deploy/aot/train.sh /train.sh
RUN pg=$(ls -d /usr/lib/postgresql/*/bin) \
 && mkdir /tmp/pg && chown postgres /tmp/pg \
 && su postgres -c "$pg/initdb -D /tmp/pg --auth=trust -U postgres >/dev/null && $pg/pg_ctl -D /tmp/pg -o '-k /tmp -h 127.0.0.1' -w start >/dev/null" \
 && SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/postgres SPRING_DATASOURCE_USERNAME=postgres \
    /train.sh /app/mockpanel.jar /app/app.aot \
 && su postgres -c "$pg/pg_ctl -D /tmp/pg -w stop >/dev/null"

FROM eclipse-temurin:25-jre
RUN useradd --system --uid 10001 mockpanel
WORKDIR /app
COPY --from=train /app /app
USER mockpanel
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
# The log's first lines after start say whether the cache was used ("Started from the AOT cache").
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:MaxRAMPercentage=75", "-jar", "/app/mockpanel.jar"]
