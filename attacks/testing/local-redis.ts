import { startBackground } from "./background-process.ts";
import { freePort } from "./free-port.ts";
import { tempDir } from "./temp-dir.ts";
import { waitForPort } from "./wait-for-port.ts";

export interface LocalRedis {
  port: number;
  stop(): Promise<void>;
}

/** A throw-away redis-server on a free loopback port, with or without requirepass. */
export async function startLocalRedis(
  options: { password?: string; renameConfig?: boolean } = {},
): Promise<LocalRedis> {
  const dir = await tempDir("redis");
  const port = await freePort();
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir.path,
  ];
  if (options.password) args.push("--requirepass", options.password);
  else args.push("--protected-mode", "no");
  // As the community chart's Redis does it: dangerous commands renamed away.
  if (options.renameConfig)
    args.push(
      "--rename-command",
      "CONFIG",
      "",
      "--rename-command",
      "FLUSHALL",
      "",
      "--rename-command",
      "FLUSHDB",
      "",
    );
  const proc = startBackground("redis-server", args);
  const stop = async () => {
    await proc.stop();
    await dir.remove();
  };
  try {
    await waitForPort(port);
  } catch (err) {
    await stop();
    throw new Error(`redis-server did not start: ${(err as Error).message}\n${proc.output()}`);
  }
  return { port, stop };
}
