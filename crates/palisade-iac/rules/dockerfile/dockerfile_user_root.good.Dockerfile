FROM golang:1.23 AS build
RUN go build -o /app .
FROM debian:12-slim
COPY --from=build /app /app
USER root
RUN apt-get update
USER 10001:10001
