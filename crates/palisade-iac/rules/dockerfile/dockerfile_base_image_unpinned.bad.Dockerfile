FROM python:3.12-slim # expect: dockerfile-base-image-unpinned
RUN pip install flask
