# The migration-monitor image, built from source so that `docker compose up --build` works on a fresh clone
# (docker-compose.yml: services monitor and feeder). Nothing else is needed on the host: no Java, no target/.
#
#   docker build -t migration-monitor:0.1.0-SNAPSHOT .
#   docker run --rm migration-monitor:0.1.0-SNAPSHOT --help
#
# Stage 1 builds target/migration-monitor.jar and target/lib/ (the jar's manifest Class-Path is lib/*.jar) with the
# Maven wrapper; stage 2 runs them on a JRE as a non-root user. Both images are pinned: the same Java 17 build
# compiles and runs. Checked structurally by ComposeStructureTest (no Docker engine on the development machines).

FROM eclipse-temurin:17.0.13_11-jdk AS build
WORKDIR /src
# The wrapper and the pom first: Maven and the dependencies are downloaded in a layer of their own, which a
# change under src/ does not invalidate.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -ntp dependency:go-offline
COPY schemas/ schemas/
COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system monitor \
    && useradd --system --gid monitor --home-dir /app --no-create-home --shell /usr/sbin/nologin monitor \
    && mkdir -p /var/lib/migration-monitor \
    && chown monitor:monitor /var/lib/migration-monitor
WORKDIR /app
COPY --from=build /src/target/lib/ /app/lib/
COPY --from=build /src/target/migration-monitor.jar /app/migration-monitor.jar
# The demo feeder of docker-compose.yml (profile demo): simulate + publish as records fall due.
COPY docker/feeder.sh /app/feeder.sh
# Kafka Streams state (state.dir); a named volume mounted here starts with this owner.
ENV MONITOR_STATE_DIR=/var/lib/migration-monitor \
    MONITOR_HTTP_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/var/lib/migration-monitor"]
USER monitor
# /metrics, /health/live, /health/ready, /api/indicators
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/migration-monitor.jar"]
CMD ["run"]
