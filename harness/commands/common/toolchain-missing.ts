import { EnvironmentError } from "../../errors.ts";

/** What the cluster-backed commands say until their implementation is provisioned (exit 3). */
export function toolchainMissing(command: string): EnvironmentError {
  return new EnvironmentError(
    `toolchain missing: \`chartprobe ${command}\` needs docker, kind, helm, kubectl and a kind node image, and this build has no cluster provider yet`,
    "run `bash scripts/bootstrap.sh run` on this machine to provision the toolchain, or `chartprobe doctor` to see what is missing",
  );
}
