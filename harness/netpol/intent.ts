import type { Scenario } from "../model/scenario.ts";

/**
 * The scenario's declared intent for one pair. Keys are "source->component:port"; a `*` may
 * stand for the source, the port, or both, and the most specific key wins:
 * "foreign-pod->redis:6379", then "foreign-pod->redis:*", then "*->redis:6379", then "*->redis:*".
 */
export function intentFor(
  scenario: Pick<Scenario, "networkIntent">,
  source: string,
  component: string,
  port: number,
): "allow" | "deny" | undefined {
  const intent = scenario.networkIntent;
  if (!intent) return undefined;
  const keys = [
    `${source}->${component}:${port}`,
    `${source}->${component}:*`,
    `*->${component}:${port}`,
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
  pairs: readonly { source: string; component: string; port: number }[],
): string[] {
  return Object.keys(intent ?? {}).filter((key) => {
    const m = /^(.+)->([^:]+):(\*|\d+)$/.exec(key);
    if (!m) return true;
    const [, source, component, port] = m;
    return !pairs.some(
      (p) =>
        (source === "*" || source === p.source) &&
        component === p.component &&
        (port === "*" || Number(port) === p.port),
    );
  });
}
