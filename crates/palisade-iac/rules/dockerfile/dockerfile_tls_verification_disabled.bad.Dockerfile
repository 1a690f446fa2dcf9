FROM debian:12-slim
# expect: dockerfile-tls-verification-disabled
RUN curl -k -o /tmp/tool.tgz https://example.com/tool.tgz
# expect: dockerfile-tls-verification-disabled
RUN pip install --trusted-host pypi.internal flask
