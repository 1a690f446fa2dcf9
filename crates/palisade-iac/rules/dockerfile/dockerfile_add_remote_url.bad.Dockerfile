FROM alpine:3.20
# expect: dockerfile-add-remote-url
ADD https://example.com/tool.tar.gz /opt/
