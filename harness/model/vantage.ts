/**
 * Where an attack comes from (see DESIGN.md, "Vantage points").
 * - runner: the harness process through a port-forward (bypasses NetworkPolicy);
 * - foreign-pod: an attacker pod in a fresh, unlabelled namespace;
 * - neighbour-pod: an attacker pod in the release namespace without the chart's labels;
 * - component:<name>: traffic from a chart component's own network identity;
 * - api: read-only inspection of objects through the Kubernetes API (no network attack).
 */
export type Vantage = "runner" | "foreign-pod" | "neighbour-pod" | "api" | `component:${string}`;

export const componentVantage = (component: string): Vantage => `component:${component}`;

export function isVantage(value: string): value is Vantage {
  return (
    value === "runner" ||
    value === "foreign-pod" ||
    value === "neighbour-pod" ||
    value === "api" ||
    /^component:[a-z0-9][a-z0-9-]*$/.test(value)
  );
}
