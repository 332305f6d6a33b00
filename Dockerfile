# syntax=docker/dockerfile:1
# The production image: build with every dependency, then a slim runtime with production dependencies only,
# running the compiled server as a non-root user. scripts/check-dockerfile.sh replays these steps without Docker.

FROM node:22-bookworm-slim AS build
WORKDIR /app
# Install first (cached while only sources change); postinstall generates the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Production dependencies only. @prisma/client lists the Prisma CLI and TypeScript as optional peers, which npm
# keeps even then (about 190 MB with what they bring); the generated client in build/ never loads them.
RUN npm prune --omit=dev --no-audit --no-fund
RUN rm -rf node_modules/prisma node_modules/@prisma/dev node_modules/@prisma/studio-core node_modules/effect node_modules/typescript node_modules/@typescript

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form, and node rather than npm: node is the container's PID 1, so SIGTERM reaches the server and it drains
# (npm start would first try to build, and the runtime image has no compiler).
CMD ["node", "build/src/main.js"]
