FROM alpine:3.20
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
 && echo "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
