# Palabre: one image for every platform; configuration comes from the environment (SPEC section 4).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY adapters/web/static ./adapters/web/static
USER node
EXPOSE 3978
CMD ["node", "dist/src/main.js"]
