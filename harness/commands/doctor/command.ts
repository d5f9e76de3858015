import { type Command, Option } from "commander";
import type { CliContext } from "../../cli/cli-context.ts";
import { STRATEGIES, type Strategy } from "../common/cluster-options.ts";
import type { DoctorOptions } from "./options.ts";

export function registerDoctorCommand(program: Command, ctx: CliContext): void {
  program
    .command("doctor")
    .summary("check docker, kind, helm, kubectl, the node image and kernel features")
    .description(
      "Reports the docker engine and its runtime, kind, helm, kubectl, the Kubernetes node image, the kernel features the NetworkPolicy engines need (iptables statistic, NFQUEUE, ipset, nft queue), cgroup version and free disk: each OK, missing, and how to fix. Exit 3 when something required is missing.",
    )
    .addOption(
      new Option("--strategy <strategy>", "judge for this toolchain strategy")
        .choices(STRATEGIES)
        .env("CHARTPROBE_STRATEGY")
        .default("auto"),
    )
    .addOption(new Option("--json", "print the checks as JSON on stdout"))
    .action(async (opts: Record<string, unknown>) => {
      const options: DoctorOptions = { strategy: opts.strategy as Strategy, json: opts.json === true };
      const { doctorAction } = await import("./action.ts");
      await doctorAction(options, ctx.logger(), ctx);
    });
}
