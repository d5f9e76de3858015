# One Kubernetes component (or add-on) binary on an empty root: all are static Go or C builds.
# @BINARY@ is filled in by build-node-image.sh (exec-form ENTRYPOINT cannot expand build args);
# pause and coredns are started by their entrypoint, the others by the command kubeadm gives.
FROM scratch
COPY @BINARY@ /usr/local/bin/@BINARY@
ENV PATH=/usr/local/bin:/usr/bin:/bin
ENTRYPOINT ["/usr/local/bin/@BINARY@"]
