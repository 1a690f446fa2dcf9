FROM golang:1.23 AS build
RUN go build -o /app .
FROM debian:12-slim
COPY --from=build /app /app
# expect: dockerfile-user-root
USER root
