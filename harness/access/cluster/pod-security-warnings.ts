/**
 * The violation lines of a server-side dry run of a namespace's Pod Security label. kubectl
 * prints the API server's warnings on stderr as `Warning: <text>`: first a header naming the
 * namespace and level, then one line per pod (identical violations are grouped as
 * `pod (and N other pods): …`). Only the per-pod lines are returned.
 */
export function podSecurityWarnings(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("Warning: "))
    .map((line) => line.slice("Warning: ".length))
    .filter((text) => !/^existing pods in namespace .* violate the new PodSecurity/.test(text));
}

/** How many pods a violation line speaks for: 1, or 1 + N for `pod (and N other pods): …`. */
export function podsInWarning(line: string): number {
  const grouped = /^\S+ \(and (\d+) other pods?\):/.exec(line);
  return grouped ? 1 + Number(grouped[1]) : 1;
}
