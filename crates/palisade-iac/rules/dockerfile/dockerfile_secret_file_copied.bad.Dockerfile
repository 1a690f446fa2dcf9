FROM node:22-slim
# expect: dockerfile-secret-file-copied
COPY .npmrc /root/.npmrc
# expect: dockerfile-secret-file-copied
COPY deploy/id_rsa /root/.ssh/id_rsa
# expect: dockerfile-secret-file-copied
COPY deploy/tls/server-private.pem /etc/ssl/private/
