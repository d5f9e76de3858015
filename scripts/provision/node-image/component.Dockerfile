# One Kubernetes component (or add-on) binary on an empty root: all are static Go or C builds.
FROM scratch
ARG BINARY
COPY ${BINARY} /usr/local/bin/${BINARY}
ENV PATH=/usr/local/bin:/usr/bin:/bin
