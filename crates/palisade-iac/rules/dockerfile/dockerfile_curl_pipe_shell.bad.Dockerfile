FROM alpine:3.20
# expect: dockerfile-curl-pipe-shell
RUN curl -fsSL https://example.com/install.sh | sh
# expect: dockerfile-curl-pipe-shell
RUN wget -qO- https://example.com/get | sudo bash -s -- --yes
