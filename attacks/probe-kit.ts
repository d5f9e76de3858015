import type { ProbeAccess, ReleaseSnapshot, TunnelEndpoint } from "../harness/model/access.ts";
import type { Evidence, Finding, SourceLocation } from "../harness/model/finding.ts";
import type { Probe, ProbeContext, ProbeMeta } from "../harness/model/probe.ts";
import type { ComponentPort, Scenario, TargetProfile } from "../harness/model/scenario.ts";
import type { Vantage } from "../harness/model/vantage.ts";
import type { Verdict } from "../harness/model/verdict.ts";
import { redactText } from "./redaction.ts";

export type AccessProbe = Probe<ProbeAccess>;
export type Ctx = ProbeContext<ProbeAccess>;

/** What a check decided about one component from one vantage point, before metadata is added. */
export interface Observation {
  component: string;
  vantage: Vantage;
  verdict: Verdict;
  summary: string;
  evidence?: Evidence[];
  repro?: string;
  location?: SourceLocation;
  durationMs?: number;
  attempts?: number;
}

/** Builds a Finding from the probe's metadata plus what was observed. */
export function finding(meta: ProbeMeta, obs: Observation): Finding {
  const f: Finding = {
    probe: meta.id,
    component: obs.component,
    vantage: obs.vantage,
    verdict: obs.verdict,
    severity: meta.severity,
    summary: obs.summary,
    evidence: obs.evidence ?? [],
    remediation: meta.remediation,
  };
  if (obs.repro !== undefined) f.repro = obs.repro;
  if (obs.location !== undefined) f.location = obs.location;
  if (obs.durationMs !== undefined) f.durationMs = obs.durationMs;
  if (obs.attempts !== undefined) f.attempts = obs.attempts;
  return f;
}

export const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ESOCKETTIMEDOUT",
]);

/** Connection refused, reset or timed out: the port could not be talked to at all. */
export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return true;
  const msg = typeof e.message === "string" ? e.message : "";
  // Through a relay in an attacker pod, a blocked destination shows as a connection that is
  // closed before any byte arrives ("Connection is closed" in ioredis).
  if (
    /ECONNREFUSED|ETIMEDOUT|ECONNRESET|timeout|timed out|Connection terminated unexpectedly|Connection is closed/i.test(
      msg,
    )
  )
    return true;
  if (Array.isArray((e as { errors?: unknown[] }).errors))
    return ((e as { errors: unknown[] }).errors ?? []).some(isUnreachable);
  return e.cause !== undefined && e.cause !== err ? isUnreachable(e.cause) : false;
}

/**
 * The verdict when a port could not be reached: that proves safety only where NetworkPolicy is
 * proven to be enforced and the path is one NetworkPolicy governs (never a port-forward).
 */
export function unreachableVerdict(
  access: Pick<ProbeAccess, "networkPolicyEnforced">,
  vantage: Vantage,
): Verdict {
  return access.networkPolicyEnforced === true && vantage !== "runner" ? "secure" : "inconclusive";
}

/** Removes every known secret value from a text before it becomes evidence. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactText(text, [...secrets]);
}

/** Cuts long responses down to something a report can show. */
export function excerpt(text: string, max = 600): string {
  const t = text.replace(/\r\n/g, "\n");
  return t.length <= max ? t : `${t.slice(0, max)}… (${t.length - max} more characters)`;
}

export function matchesSelector(
  labels: Record<string, string> | undefined,
  selector: Record<string, string>,
): boolean {
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(([k, v]) => labels?.[k] === v);
}

/** Pods of the snapshot that belong to a component (by the profile's label selector). */
export function podsOf(snapshot: ReleaseSnapshot, target: TargetProfile, component: string): Pod[] {
  const spec = target.components[component];
  if (!spec) return [];
  return (snapshot.pods as Pod[]).filter((p) => matchesSelector(p.metadata?.labels, spec.selector));
}

/** Picks a component's port: by name first, then by protocol, then by number. */
export function portOf(
  target: TargetProfile,
  component: string,
  want: { names?: string[]; protocol?: ComponentPort["protocol"]; number?: number },
): ComponentPort | undefined {
  const ports = target.components[component]?.ports ?? [];
  for (const n of want.names ?? []) {
    const p = ports.find((x) => x.name === n);
    if (p) return p;
  }
  if (want.number !== undefined) {
    const p = ports.find((x) => x.port === want.number);
    if (p) return p;
  }
  if (want.protocol) return ports.find((x) => x.protocol === want.protocol);
  return undefined;
}

/** The vantages this probe declared that the run can actually attack from. */
export function usableVantages(probe: Pick<Probe, "vantages">, access: ProbeAccess): Vantage[] {
  const wanted = probe.vantages ?? ["runner"];
  return wanted.filter((v) => access.vantages.includes(v));
}

/** Secret keys that name things rather than guard them (redacting "postgres" everywhere helps no one). */
const NOT_SECRET_KEY =
  /(^|[_.-])(user(name)?|login|host(name)?|port|db|database|schema|namespace|ca\.crt|tls\.crt)$/i;

/** Values the reports must never show: every secret value in the snapshot's Secrets, decoded. */
export function deployedSecrets(snapshot: ReleaseSnapshot | undefined): string[] {
  if (!snapshot) return [];
  const out: string[] = [];
  for (const s of snapshot.secrets as SecretObject[]) {
    // Helm's own release records hold the whole chart, not credentials.
    if (s.type === "helm.sh/release.v1") continue;
    const entries = [
      ...Object.entries(s.data ?? {}).map(
        ([k, v]) => [k, Buffer.from(String(v), "base64").toString("utf8")] as const,
      ),
      ...Object.entries(s.stringData ?? {}).map(([k, v]) => [k, String(v)] as const),
    ];
    for (const [k, v] of entries)
      if (v.length >= 4 && !NOT_SECRET_KEY.test(k)) out.push(v.trim() === v ? v : v.trim(), v);
  }
  return [...new Set(out)];
}

export async function safeSnapshot(access: ProbeAccess): Promise<ReleaseSnapshot | undefined> {
  try {
    return await access.snapshot();
  } catch {
    return undefined;
  }
}

/** One attempt at one component from one vantage, already connected. */
export type EndpointCheck = (
  endpoint: TunnelEndpoint,
  vantage: Vantage,
) => Promise<Omit<Observation, "component" | "vantage">>;

export interface NetworkCheckSpec {
  meta: ProbeMeta & Pick<Probe, "vantages">;
  ctx: Ctx;
  component: string;
  port: ComponentPort | undefined;
  check: EndpointCheck;
  /** Command (after the tunnel is up) that shows the same thing by hand; used for unreachable repros. */
  reproCommand?: (endpoint: TunnelEndpoint) => string;
}

/**
 * The common skeleton of every network probe: skip when the component is absent, dial it from
 * each usable vantage, run the check, map unreachable and unexpected failures to verdicts.
 */
export async function runNetworkCheck(spec: NetworkCheckSpec): Promise<Finding[]> {
  const { meta, ctx, component, port, check } = spec;
  const access = ctx.access;
  const location = ctx.location(meta.id);
  const vantages = usableVantages(meta, access);
  const base = (vantage: Vantage): Pick<Observation, "component" | "vantage" | "location"> =>
    location ? { component, vantage, location } : { component, vantage };
  const absent = await componentAbsent(ctx, component);
  if (absent !== undefined || !port) {
    const why = absent ?? `component ${component} declares no port this probe can use`;
    const vs = vantages.length > 0 ? vantages : (meta.vantages ?? ["runner"]).slice(0, 1);
    return vs.map((v) => finding(meta, { ...base(v), verdict: "skipped", summary: why }));
  }
  const findings: Finding[] = [];
  for (const vantage of vantages) {
    if (ctx.signal.aborted) break;
    const started = performance.now();
    let endpoint: TunnelEndpoint | undefined;
    try {
      endpoint = await access.dial(vantage, component, port.port);
      const obs = await check(endpoint, vantage);
      findings.push(
        finding(meta, { ...base(vantage), durationMs: Math.round(performance.now() - started), ...obs }),
      );
    } catch (err) {
      const durationMs = Math.round(performance.now() - started);
      if (isUnreachable(err)) {
        const verdict = unreachableVerdict(access, vantage);
        findings.push(
          finding(meta, {
            ...base(vantage),
            verdict,
            durationMs,
            summary:
              verdict === "secure"
                ? `${component}:${port.port} is not reachable from ${vantage} and NetworkPolicy is enforced`
                : `${component}:${port.port} could not be reached from ${vantage}; that proves nothing here`,
            evidence: [{ label: "error", content: redact(errorMessage(err), deployedSecretsOf(ctx)) }],
            ...(endpoint && spec.reproCommand
              ? { repro: `${endpoint.describe}\n${spec.reproCommand(endpoint)}` }
              : {}),
          }),
        );
      } else {
        findings.push(
          finding(meta, {
            ...base(vantage),
            verdict: "error",
            durationMs,
            summary: `probe failed unexpectedly: ${redact(errorMessage(err), deployedSecretsOf(ctx))}`,
          }),
        );
      }
    } finally {
      await endpoint?.close().catch(() => undefined);
    }
  }
  return findings;
}

const secretCache = new WeakMap<object, string[]>();

/** Remembered per context so every probe redacts with the same list without re-reading. */
export function deployedSecretsOf(ctx: Ctx): string[] {
  return secretCache.get(ctx) ?? [];
}

export async function rememberSecrets(ctx: Ctx): Promise<ReleaseSnapshot | undefined> {
  const snap = await safeSnapshot(ctx.access);
  secretCache.set(ctx, deployedSecrets(snap));
  return snap;
}

/** A reason to skip when the component is not part of this deployment; undefined when present. */
export async function componentAbsent(ctx: Ctx, component: string): Promise<string | undefined> {
  if (!ctx.target.components[component]) return `target ${ctx.target.id} has no component ${component}`;
  const snap = await rememberSecrets(ctx);
  if (snap && podsOf(snap, ctx.target, component).length === 0)
    return `no pod of component ${component} in release ${snap.release}`;
  return undefined;
}

export const always = (_s: Scenario, _t: TargetProfile): boolean => true;
export const hasComponent =
  (...names: string[]) =>
  (_s: Scenario, t: TargetProfile): boolean =>
    names.some((n) => t.components[n] !== undefined);

/** The loose API shapes probes read from the snapshot. */
export interface Pod {
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: PodSpec;
  status?: { phase?: string };
}
export interface PodSpec {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: PodSecurityContext;
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
}
export interface PodSecurityContext {
  runAsUser?: number;
  runAsNonRoot?: boolean;
  seccompProfile?: { type?: string };
  sysctls?: { name: string; value: string }[];
}
export interface SecurityContext extends PodSecurityContext {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  procMount?: string;
  windowsOptions?: { hostProcess?: boolean };
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name?: string; key?: string };
    configMapKeyRef?: { name?: string; key?: string };
  };
}
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: EnvVar[];
  envFrom?: { secretRef?: { name?: string }; configMapRef?: { name?: string } }[];
  securityContext?: SecurityContext;
  resources?: { limits?: Record<string, string>; requests?: Record<string, string> };
  ports?: { containerPort: number; hostPort?: number }[];
  volumeMounts?: { name: string; mountPath: string }[];
}
export interface Volume {
  name: string;
  hostPath?: { path: string };
  secret?: { secretName?: string; items?: { key: string }[] };
  projected?: {
    sources?: {
      secret?: { name?: string; items?: { key: string }[] };
      serviceAccountToken?: Record<string, unknown>;
    }[];
  };
}
export interface SecretObject {
  metadata?: { name?: string; labels?: Record<string, string> };
  type?: string;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export interface ProbeDefinition extends ProbeMeta {
  vantages?: Vantage[];
  /** The component reported when the whole probe fails unexpectedly. */
  component?: string;
  appliesTo?: AccessProbe["appliesTo"];
  run(ctx: Ctx, self: AccessProbe): Promise<Finding[]>;
}

/** Turns metadata plus a run function into a Probe whose run never throws. */
export function defineProbe(def: ProbeDefinition): AccessProbe {
  const { run, appliesTo, component, ...meta } = def;
  const probe: AccessProbe = {
    ...meta,
    appliesTo: appliesTo ?? always,
    run: async (ctx) => {
      try {
        return await run(ctx, probe);
      } catch (err) {
        const location = ctx.location(meta.id);
        return [
          finding(meta, {
            component: component ?? "release",
            vantage: meta.vantages?.[0] ?? "api",
            verdict: "error",
            summary: `probe failed unexpectedly: ${redact(errorMessage(err), deployedSecretsOf(ctx))}`,
            ...(location ? { location } : {}),
          }),
        ];
      }
    },
  };
  return probe;
}
