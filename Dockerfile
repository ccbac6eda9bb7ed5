# Switchboard with the embedded demo cluster. Build: docker build -t switchboard .
# Run: docker run -p 8080:8080 switchboard   (the demo's floating address lives inside the container)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY frontend-templates frontend-templates
COPY config config
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# python3 runs the demo's stand-in application; curl serves the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/switchboard --shell /usr/sbin/nologin switchboard
WORKDIR /opt/switchboard
COPY --from=build /src/target/switchboard-*.jar app.jar
COPY config config
RUN mkdir data && chown switchboard:switchboard data
USER switchboard
EXPOSE 8080
VOLUME /opt/switchboard/data
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/switchboard/app.jar"]
