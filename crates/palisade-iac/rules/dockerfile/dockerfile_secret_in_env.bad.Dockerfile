FROM alpine:3.20
# expect: dockerfile-secret-in-env
ENV APP_PASSWORD=example-not-real
# expect: dockerfile-secret-in-env
ARG NPM_TOKEN=example-not-real
