FROM node:22-slim
COPY package.json package-lock.json ./
RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
ADD https://pki.example/certs/ca.pem /usr/local/share/ca-certificates/ca.crt
COPY certs/server.pem /etc/ssl/certs/
