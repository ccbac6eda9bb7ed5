# Switchboard with the embedded demo cluster. Build: docker build -t switchboard .
# Run: docker run -p 8080:8080 switchboard   (the demo's floating address lives inside the container)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY frontend-templates frontend-templates
COPY config config
RUN mvn -B -q package -DskipTests && cp target/switchboard-*.jar switchboard.jar
# The jar's layers (dependencies, loader, snapshot dependencies, application) in one directory
# each, so that a change of the application alone rebuilds only the last image layer.
RUN java -Djarmode=tools -jar switchboard.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# tini runs as PID 1: it reaps the orphans the cluster leaves (the scripts start their daemons
# with setsid and exit, so a stopped daemon's zombie would otherwise stay in the process table),
# and passes docker stop's SIGTERM on to the JVM. python3 runs the demo's stand-in application;
# curl serves the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini python3 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/switchboard --shell /usr/sbin/nologin switchboard
WORKDIR /opt/switchboard
# Least often changed first. Together they make switchboard.jar with its lib/ beside it.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
COPY config config
# Class-data sharing halves the start (docs/benchmarks.md, "Start time"): a training run, which
# stops once the application context is refreshed (before the engine and the web server start),
# writes an archive of the classes it loaded, and every start maps them from it instead of loading
# them again. Made here because it must come from this image's own Java and jar.
RUN java -XX:ArchiveClassesAtExit=switchboard.jsa -Xlog:cds*=off -XX:TieredStopAtLevel=1 -Dspring.context.exit=onRefresh \
      -jar switchboard.jar --switchboard.data-dir=/tmp/training --server.port=0 >/dev/null \
 && rm -rf /tmp/training
RUN install -d -m 0700 -o switchboard -g switchboard data
USER switchboard
EXPOSE 8080
VOLUME /opt/switchboard/data
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
# Only the quick C1 compiler: C2's compilations took half of the start's CPU time, and a
# dashboard's few requests hardly need them (docs/benchmarks.md, "Start time").
ENTRYPOINT ["/usr/bin/tini", "--", "java", "-XX:SharedArchiveFile=/opt/switchboard/switchboard.jsa", "-Xlog:cds*=off", \
            "-XX:TieredStopAtLevel=1", "-jar", "/opt/switchboard/switchboard.jar"]
