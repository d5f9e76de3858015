import type { Strategy } from "../common/cluster-options.ts";

/** `chartprobe doctor`: what the toolchain and kernel offer, each OK / missing / how to fix. */
export interface DoctorOptions {
  strategy: Strategy;
  json: boolean;
}
