FROM alpine:3.20
# expect: dockerfile-ssh-port-exposed
EXPOSE 22 8080
