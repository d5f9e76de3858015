import { exec } from "../../harness/exec.ts";

/** Label on every container the attack tests start, so leftovers can be found and removed. */
export const TEST_LABEL = "chartprobe.test=1";

export interface ContainerSpec {
  image: string;
  env?: Record<string, string>;
  /** Container ports to publish on 127.0.0.1 (random host ports). */
  ports: number[];
  command?: string[];
  entrypoint?: string;
  /** host path → container path, read-only. */
  mounts?: Record<string, string>;
  user?: string;
}

export interface RunningContainer {
  id: string;
  /** container port → host port on 127.0.0.1. */
  hostPort(port: number): number;
  logs(): Promise<string>;
  stop(): Promise<void>;
}

/** docker run -d with loopback-only published ports; the caller must stop() it (also on failure). */
export async function runContainer(spec: ContainerSpec): Promise<RunningContainer> {
  const args = ["run", "-d", "--label", TEST_LABEL];
  for (const [k, v] of Object.entries(spec.env ?? {})) args.push("-e", `${k}=${v}`);
  for (const p of spec.ports) args.push("-p", `127.0.0.1::${p}`);
  for (const [host, inside] of Object.entries(spec.mounts ?? {})) args.push("-v", `${host}:${inside}:ro`);
  if (spec.user) args.push("--user", spec.user);
  if (spec.entrypoint) args.push("--entrypoint", spec.entrypoint);
  args.push(spec.image, ...(spec.command ?? []));
  const { stdout } = await exec("docker", args, { timeoutMs: 120_000 });
  const id = stdout.trim();
  const stop = async () => {
    await exec("docker", ["rm", "-f", "-v", id], { allowFailure: true, timeoutMs: 60_000 });
  };
  try {
    const ports = new Map<number, number>();
    for (const p of spec.ports) {
      const out = await exec("docker", ["port", id, `${p}/tcp`], { timeoutMs: 30_000 });
      const m = /127\.0\.0\.1:(\d+)/.exec(out.stdout);
      if (!m) throw new Error(`port ${p} of ${id} is not published on 127.0.0.1: ${out.stdout}`);
      ports.set(p, Number(m[1]));
    }
    return {
      id,
      hostPort: (p) => {
        const h = ports.get(p);
        if (h === undefined) throw new Error(`port ${p} was not published`);
        return h;
      },
      logs: async () => {
        const r = await exec("docker", ["logs", "--tail", "80", id], {
          allowFailure: true,
          timeoutMs: 30_000,
        });
        return `${r.stdout}${r.stderr}`;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
