# The keyless broker (docs/BROKER.md): the committed bundle on Node 24, as an unprivileged user.
# Not built in this repository's CI, whose machines have no Docker engine; test/unit/dockerfile.test.ts checks its
# shape, test/e2e/broker.test.ts runs the same bundle as a process. Pin the base image by digest when you build.
FROM node:24-alpine
WORKDIR /app
COPY dist/broker/ ./dist/broker/
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/healthz || exit 1
# Exec form: the broker is PID 1 and gets SIGTERM itself, to drain.
CMD ["node", "dist/broker/index.js"]
