/**
 * The images chartprobe builds from package registries (scripts/images/build-images.sh) when no
 * container registry is reachable. Data only: the kind image loader and the tests read it;
 * scripts/images/images.list holds the same names and tags for the shell build (a unit test
 * keeps the two in step).
 */
export interface LocalImage {
  /** Short name, also the folder under scripts/images/ with the Dockerfile. */
  name: string;
  /** The tag the build produces (never :latest, so kubelet never tries to pull it). */
  tag: string;
  /** Repository-relative folder holding the Dockerfile and its context. */
  dockerfileDir: string;
  /** The upstream image this one stands in for (what a chart uses in the wild). */
  standsInFor: string;
  /** Whether a chart's pods run it (preloaded into kind) or only the harness (attacker). */
  role: "target" | "vantage";
}

const BUILD_SCRIPT = "scripts/images/build-images.sh";

export const LOCAL_IMAGES: readonly LocalImage[] = [
  {
    name: "airflow",
    tag: "chartprobe.local/airflow:2.9.3-cp1",
    dockerfileDir: "scripts/images/airflow",
    standsInFor: "apache/airflow:2.9.3",
    role: "target",
  },
  {
    name: "postgres",
    tag: "chartprobe.local/postgres:15-cp1",
    dockerfileDir: "scripts/images/postgres",
    standsInFor: "postgres:15",
    role: "target",
  },
  {
    name: "redis",
    tag: "chartprobe.local/redis:7-cp1",
    dockerfileDir: "scripts/images/redis",
    standsInFor: "redis:7",
    role: "target",
  },
  {
    name: "pgbouncer",
    tag: "chartprobe.local/pgbouncer:1-cp1",
    dockerfileDir: "scripts/images/pgbouncer",
    standsInFor: "bitnami/pgbouncer:1",
    role: "target",
  },
  {
    name: "attacker",
    tag: "chartprobe.local/attacker:cp1",
    dockerfileDir: "scripts/images/attacker",
    standsInFor: "(none: chartprobe's own vantage-point pod)",
    role: "vantage",
  },
];

/** The command that builds the given images (all when none are named). */
export function buildCommand(names: readonly string[] = []): string[] {
  return ["bash", BUILD_SCRIPT, ...names];
}

export function localImage(name: string): LocalImage | undefined {
  return LOCAL_IMAGES.find((image) => image.name === name);
}

/** The image label build-images.sh writes with the hash of the build context. */
export const CONTEXT_HASH_LABEL = "org.chartprobe.context-hash";
