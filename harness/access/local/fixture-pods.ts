import type { TargetProfile } from "../../model/scenario.ts";

/** One minimal running Pod per component, labelled with the component's selector. */
export function fixturePodsFor(
  target: TargetProfile,
  components: string[],
  namespace: string,
): Record<string, unknown>[] {
  return components.flatMap((name) => {
    const spec = target.components[name];
    if (!spec) return [];
    return [
      {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `${name}-0`, namespace, labels: { ...spec.selector } },
        spec: { containers: [{ name, image: "local.invalid/test:0" }] },
        status: { phase: "Running" },
      },
    ];
  });
}
