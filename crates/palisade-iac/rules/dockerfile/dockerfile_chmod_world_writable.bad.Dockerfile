FROM alpine:3.20
# expect: dockerfile-chmod-world-writable
RUN chmod -R 777 /app
