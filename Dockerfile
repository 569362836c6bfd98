# Builds the production jar (Vaadin production mode) and runs it on a JRE.
# docker compose up uses this; see docker-compose.yml for the variables it needs.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline -Pproduction
COPY frontend frontend
COPY src src
RUN ./mvnw -B -Pproduction -DskipTests package && cp target/mockpanel-*.jar /build/app.jar

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 mockpanel
WORKDIR /app
COPY --from=build /build/app.jar app.jar
USER mockpanel
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
