# syntax=docker/dockerfile:1
# The bot's image: docker build -t jamie . (not built in the project's CI environment: no Docker engine there).
# ContainerImageTest keeps this file in step with the build (jar path, Java version, user, port).

# --- build: the same command as the README's quick start ---
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# --- runtime: JRE only, non-root ---
# glibc-based (Ubuntu), not Alpine: ONNX Runtime and DJL's tokenizers load glibc native libraries.
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 jamie \
    && useradd --system --uid 10001 --gid 10001 --home-dir /app --shell /usr/sbin/nologin jamie \
    && mkdir -p /app/data \
    && chown 10001:10001 /app/data
WORKDIR /app
# one fat jar (maven-shade-plugin): a single layer; the Jib build in bot/pom.xml splits dependencies and classes
COPY --from=build --chown=10001:10001 /src/bot/target/jamie.jar /app/jamie.jar
USER 10001:10001
ENV JAMIE_DATA_DIR=/app/data
# JAMIE_HTTP_PORT: /slack/events (http mode), /hooks/*, /healthz, /readyz
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/jamie.jar"]
