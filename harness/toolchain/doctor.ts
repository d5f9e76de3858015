import { existsSync, statfsSync } from "node:fs";
import { exec } from "../exec.ts";
import { cacheDir } from "./paths.ts";
import { detectStrategy, findOnPath, resolveToolchain } from "./toolchain.ts";

export type CheckStatus = "ok" | "warn" | "missing" | "fail";

export interface DoctorCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
}

const PROVISION = "bash scripts/bootstrap.sh run (or the scripts under scripts/provision/)";

async function firstLine(file: string, args: string[]): Promise<string | undefined> {
  try {
    const r = await exec(file, args, { timeoutMs: 20_000 });
    return (r.stdout || r.stderr).trim().split("\n")[0];
  } catch {
    return undefined;
  }
}

/** Runs a throwaway netfilter rule in a chain/table of its own and removes it again. */
async function netfilterCheck(
  name: string,
  setup: string[][],
  teardown: string[][],
  fix: string,
): Promise<DoctorCheck> {
  let failure: string | undefined;
  for (const argv of setup) {
    const [file, ...args] = argv as [string, ...string[]];
    const r = await exec(file, args, { allowFailure: true, timeoutMs: 10_000 }).catch((e: Error) => ({
      exitCode: -1,
      stderr: e.message,
      stdout: "",
    }));
    if (r.exitCode !== 0) {
      // The command that failed first, then what it said: nft's own words name no kernel option.
      const said = (r.stderr || r.stdout).trim().split("\n")[0] || `exit ${r.exitCode}`;
      failure = `\`${argv.join(" ")}\` failed: ${said}`;
      break;
    }
  }
  for (const argv of teardown) {
    const [file, ...args] = argv as [string, ...string[]];
    await exec(file, args, { allowFailure: true, timeoutMs: 10_000 }).catch(() => undefined);
  }
  return failure
    ? { name, status: "fail", detail: failure, fix }
    : { name, status: "ok", detail: "works on this kernel" };
}

export async function runDoctor(strategyOption?: string): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const strategy = detectStrategy(strategyOption);
  const toolchain = resolveToolchain(strategy);
  checks.push({
    name: "strategy",
    status: "ok",
    detail: `${strategy} (CHARTPROBE_STRATEGY or --strategy to force)`,
  });

  const dockerVersion = await firstLine("docker", [
    "info",
    "--format",
    "{{.ServerVersion}} runtime={{.DefaultRuntime}} cgroup={{.CgroupVersion}}",
  ]);
  checks.push(
    dockerVersion && !dockerVersion.startsWith("Cannot") && !dockerVersion.includes("error")
      ? { name: "docker engine", status: "ok", detail: dockerVersion }
      : {
          name: "docker engine",
          status: "missing",
          detail: dockerVersion ?? "docker does not answer",
          fix: "bash scripts/provision/start-docker.sh",
        },
  );
  for (const tool of ["kind", "helm", "kubectl"] as const) {
    const path = toolchain[tool];
    const version = existsSync(path)
      ? await firstLine(
          path,
          tool === "kubectl"
            ? ["version", "--client"]
            : tool === "helm"
              ? ["version", "--short"]
              : ["version"],
        )
      : undefined;
    checks.push(
      version
        ? {
            name: tool,
            status: "ok",
            detail: `${version} (${path.replace(cacheDir(), "$CHARTPROBE_CACHE")})`,
          }
        : { name: tool, status: "missing", detail: `not found at ${path}`, fix: PROVISION },
    );
  }
  const image = await exec("docker", ["image", "inspect", "-f", "{{.Id}}", toolchain.nodeImage], {
    allowFailure: true,
    timeoutMs: 20_000,
  }).catch(() => undefined);
  checks.push(
    image?.exitCode === 0
      ? { name: "kind node image", status: "ok", detail: toolchain.nodeImage }
      : strategy === "online"
        ? { name: "kind node image", status: "warn", detail: `${toolchain.nodeImage} will be pulled by kind` }
        : {
            name: "kind node image",
            status: "missing",
            detail: toolchain.nodeImage,
            fix: "bash scripts/provision/build-node-image.sh",
          },
  );

  const root = process.getuid?.() === 0;
  if (!root || !findOnPath("iptables")) {
    checks.push({
      name: "kernel netfilter",
      status: "warn",
      detail: "not checked (needs root and iptables/ipset/nft on PATH)",
    });
  } else {
    const chain = "CHARTPROBE-DOCTOR";
    const chainSetup = [["iptables", "-w", "-N", chain]];
    const chainTeardown = [
      ["iptables", "-w", "-F", chain],
      ["iptables", "-w", "-X", chain],
    ];
    checks.push(
      await netfilterCheck(
        "iptables statistic match (kube-proxy)",
        [
          ...chainSetup,
          [
            "iptables",
            "-w",
            "-A",
            chain,
            "-m",
            "statistic",
            "--mode",
            "random",
            "--probability",
            "0.5",
            "-j",
            "RETURN",
          ],
        ],
        chainTeardown,
        "kube-proxy's iptables mode needs xt_statistic",
      ),
      await netfilterCheck(
        "iptables NFQUEUE target",
        [
          ...chainSetup,
          ["iptables", "-w", "-A", chain, "-j", "NFQUEUE", "--queue-num", "4242", "--queue-bypass"],
        ],
        chainTeardown,
        "only needed by NFQUEUE-based policy engines",
      ),
      await netfilterCheck(
        "ipset (kube-router)",
        [["ipset", "create", "chartprobe-doctor", "hash:ip"]],
        [["ipset", "destroy", "chartprobe-doctor"]],
        "kube-router's NetworkPolicy controller needs ipset (CONFIG_IP_SET)",
      ),
    );
    const nftQueue = findOnPath("nft")
      ? await netfilterCheck(
          "nftables queue (kindnetd policies)",
          [
            ["nft", "add", "table", "inet", "chartprobe_doctor"],
            ["nft", "add", "chain", "inet", "chartprobe_doctor", "c"],
            ["nft", "add", "rule", "inet", "chartprobe_doctor", "c", "queue", "num", "4242", "bypass"],
          ],
          [["nft", "delete", "table", "inet", "chartprobe_doctor"]],
          "the kernel has no nftables queue (CONFIG_NFT_QUEUE): kindnetd and kube-network-policies fail open here; use --network-policy kube-router (the default)",
        )
      : {
          name: "nftables queue (kindnetd policies)",
          status: "warn" as const,
          detail: "nft not installed; not checked",
          fix: "install Debian's nftables package (the set-up does) to check whether kindnetd's engine can enforce here",
        };
    if (nftQueue.status === "fail") nftQueue.status = "warn";
    checks.push(nftQueue);
  }
  checks.push(
    existsSync("/sys/fs/cgroup/cgroup.controllers")
      ? { name: "cgroup", status: "ok", detail: "v2 (unified)" }
      : {
          name: "cgroup",
          status: "warn",
          detail:
            "v1 (legacy/hybrid): Kubernetes up to 1.34 only; from 1.35 kubelet refuses cgroup v1 by default",
        },
  );
  try {
    const dir = existsSync(cacheDir()) ? cacheDir() : "/";
    const fs = statfsSync(dir);
    const freeGiB = (fs.bavail * fs.bsize) / 2 ** 30;
    checks.push({
      name: "disk",
      status: freeGiB < 15 ? "warn" : "ok",
      detail: `${freeGiB.toFixed(1)} GiB free for the cache`,
      ...(freeGiB < 15 ? { fix: "a cold offline build needs about 15 GiB" } : {}),
    });
  } catch {
    checks.push({ name: "disk", status: "warn", detail: "could not read free space" });
  }
  return checks;
}
