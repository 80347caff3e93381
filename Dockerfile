# syntax=docker/dockerfile:1
# One image recipe for every Vigie service:
#   docker build --build-arg APP=partner-registry -t vigie/partner-registry .
# APP is one of partner-registry, alert-ingestion, prefect-routing, notification.

# Node.js 24, the LTS line package.json pins (`engines` and the `node` devDependency that npm
# scripts run on); test/docker-compose.spec.ts keeps the image and package.json in step.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci applies the fixes to dependencies kept in patches/ (patch-package, on postinstall).
COPY patches ./patches
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
# The build compiles every app into dist/apps/<app>/src/main.js. APP is not
# declared in this stage on purpose: the stage is then identical (and cached)
# for all four images.
RUN npm run build \
 && npm prune --omit=dev

FROM ${NODE_IMAGE}
ARG APP
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
# Copied as root-owned files: the service can read but not modify its code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Fail the image build, not the container start, on a missing or misspelt APP.
RUN test -n "$APP" && test -f "dist/apps/$APP/src/main.js" \
 || { echo "build with --build-arg APP=<name>; no dist/apps/${APP:-<unset>}/src/main.js" >&2; exit 1; }
USER node
# A shell expands $APP at run time; exec then replaces that shell with node,
# so node itself receives the SIGTERM sent by `docker stop`.
CMD ["sh", "-c", "exec node \"dist/apps/$APP/src/main.js\""]
