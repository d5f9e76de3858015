import type { Scenario } from "../model/scenario.ts";

export interface IntentPair {
  source: string;
  component: string;
  port: number;
  /** The port's name in the target profile; intent keys may use it instead of the number. */
  portName?: string;
}

/**
 * The scenario's declared intent for one pair. Keys are "source->component:port", the port by
 * number or by its profile name; a `*` may stand for the source, the port, or both, and the
 * most specific key wins: "foreign-pod->redis:6379" (or "foreign-pod->redis:redis"), then
 * "foreign-pod->redis:*", then "*->redis:6379", then "*->redis:*".
 */
export function intentFor(
  scenario: Pick<Scenario, "networkIntent">,
  pair: IntentPair,
): "allow" | "deny" | undefined {
  const intent = scenario.networkIntent;
  if (!intent) return undefined;
  const { source, component, port, portName } = pair;
  const ports = portName ? [String(port), portName] : [String(port)];
  const keys = [
    ...ports.map((p) => `${source}->${component}:${p}`),
    `${source}->${component}:*`,
    ...ports.map((p) => `*->${component}:${p}`),
    `*->${component}:*`,
  ];
  for (const key of keys) {
    const value = intent[key];
    if (value === "allow" || value === "deny") return value;
  }
  return undefined;
}

/**
 * Intent keys that name no pair of the table (a typo, a source this run has no vantage for, a
 * disabled component): printed with the table so a silent no-op intent does not pass unseen.
 */
export function unusedIntentKeys(
  intent: Record<string, string> | undefined,
  pairs: readonly IntentPair[],
): string[] {
  return Object.keys(intent ?? {}).filter((key) => {
    const m = /^(.+)->([^:]+):(.+)$/.exec(key);
    if (!m) return true;
    const [, source, component, port] = m;
    return !pairs.some(
      (p) =>
        (source === "*" || source === p.source) &&
        component === p.component &&
        (port === "*" || port === String(p.port) || port === p.portName),
    );
  });
}
