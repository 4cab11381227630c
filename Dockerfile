# The GitHub App's webhook server (not needed for the CLI).
#   docker build -t candidate-review-app .
#   docker run --rm -p 3000:3000 -e APP_ID -e WEBHOOK_SECRET -e PRIVATE_KEY candidate-review-app
# Settings are environment variables: see "Run as a GitHub App" in the README.

# Build: TypeScript needs the dev dependencies, which the final image leaves out.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY checks ./checks
RUN npm run build

# Run: production dependencies, the compiled app, its templates, and git for the clones.
FROM node:20-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY bin ./bin
COPY templates ./templates
COPY --from=build /app/dist ./dist
# The image's own user, not root: a clone of a hostile repository runs with no privileges to lose.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/ping').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "start"]
