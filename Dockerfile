# Palabre: one image for every platform; configuration comes from the environment (docs/configuration.md).
# Build: docker build -t palabre .   Run: see compose.yaml and docs/operations.md.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the package's prepare step (scripts/build.mjs --if-possible), which finds no sources yet and says so.
COPY scripts/build.mjs ./scripts/build.mjs
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-slim
ENV NODE_ENV=production \
    PORT=3978 \
    BLOB_DIR=/app/data/blobs
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY adapters/web/static ./adapters/web/static
# Evidence files (BLOB_DIR) live under /app/data: writable by the unprivileged user, and a volume so they outlive the container.
RUN mkdir -p /app/data/blobs && chown -R node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
