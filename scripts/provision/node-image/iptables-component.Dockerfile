# A component that programs the node's packet filter (kube-proxy, kube-router) needs the
# iptables/ipset/conntrack userland beside its binary.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      iptables ipset conntrack iproute2 kmod >/dev/null \
 && rm -rf /var/lib/apt/lists/*
COPY @BINARY@ /usr/local/bin/@BINARY@
ENTRYPOINT ["/usr/local/bin/@BINARY@"]
