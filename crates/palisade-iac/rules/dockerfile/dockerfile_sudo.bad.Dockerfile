FROM ubuntu:24.04
# expect: dockerfile-sudo
RUN sudo apt-get update
