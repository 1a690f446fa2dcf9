FROM python:3.12-slim@sha256:4e6d5b2ba4e9a1b1c4d0d45ad2c0a0d4d8c6e54d2b3a4c5f6e7d8c9b0a1f2e3d AS build
FROM build
FROM scratch
