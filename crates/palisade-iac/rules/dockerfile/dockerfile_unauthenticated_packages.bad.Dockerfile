FROM alpine:3.20
# expect: dockerfile-unauthenticated-packages
RUN apk add --allow-untrusted /tmp/agent.apk
