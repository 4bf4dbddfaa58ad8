# One image per service, built from the repository: docker compose passes SERVICE (e.g. ingest-service).
# Stage 1 builds the service's runnable jar with the Maven Wrapper; stage 2 runs it on a JRE as a non-root user.
FROM eclipse-temurin:21-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests -pl "${SERVICE}" -am package \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
ARG SERVICE
ARG PORT=8080
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app bikecast \
    && mkdir -p /app/cache && chown bikecast /app/cache
WORKDIR /app
COPY --from=build --chown=bikecast /app.jar /app/app.jar
USER bikecast
ENV SERVICE_PORT=${PORT}
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
    CMD curl -fsS "http://localhost:${SERVICE_PORT}/actuator/health/readiness" || exit 1
# ZGC: G1's young and remark pauses (8-25 ms) were the serving tail; ZGC's pauses stay well under a millisecond.
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:+ZGenerational", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
