FROM debian:12-slim
RUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz
