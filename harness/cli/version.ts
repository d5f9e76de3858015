import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** chartprobe's own version, from its package.json. */
export function chartprobeVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
