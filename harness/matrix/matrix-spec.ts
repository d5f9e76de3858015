import type { NetworkPolicyEngine, PodSecurityLevel } from "../model/scenario.ts";

/** The cluster options a matrix can vary, in the order they appear in scenario ids. */
export const AXES = ["kubernetesVersion", "networkPolicy", "podSecurity"] as const;
export type Axis = (typeof AXES)[number];

export interface AxisValues {
  kubernetesVersion?: string;
  networkPolicy?: NetworkPolicyEngine;
  podSecurity?: PodSecurityLevel;
}

/** A matrix file as written (schema-valid). */
export interface MatrixSpec {
  name: string;
  description?: string;
  /** Base scenario ids or globs. */
  scenarios: string[];
  axes?: {
    kubernetesVersion?: string[];
    networkPolicy?: NetworkPolicyEngine[];
    podSecurity?: PodSecurityLevel[];
  };
  include?: ({ scenario: string } & AxisValues)[];
  exclude?: ({ scenario?: string } & AxisValues)[];
}
