# One image for the API, the workers, the simulators and the one-shot set-up; docker-compose.yml picks the
# command. The engine has its own image (engine/Dockerfile).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# espeak-ng speaks the captcha's audio alternative (Persian voice); nginx is the one-origin proxy (ops/proxy),
# the same Debian package `npm start` installs.
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng nginx && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# tsx runs the TypeScript sources as they are in the repository, as `npm start` does natively.
RUN npm ci --no-audit --no-fund --include=dev
COPY . .
# The modeler page's editor (bpmn-js, bpmnlint with .bpmnlintrc), bundled by esbuild into .cache/modeler/.
RUN npx tsx ops/modeler-bundle.ts
USER node
CMD ["node", "--import", "tsx", "api/server.ts"]
