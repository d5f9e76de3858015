import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluator.ts";
import type { Endpoint, NetworkPolicy, PodEndpoint, TrafficPort } from "./types.ts";

// The release lives in "app"; "other" is a labelled foreign namespace, "bare" an unlabelled one.
const ns = {
  app: { team: "data", "kubernetes.io/metadata.name": "app" },
  other: { team: "web" },
  bare: {},
} as const;

const pod = (
  namespace: keyof typeof ns,
  podLabels: Record<string, string>,
  extra: Partial<PodEndpoint> = {},
) => ({ kind: "pod", namespace, namespaceLabels: { ...ns[namespace] }, podLabels, ...extra }) as PodEndpoint;

const redis = pod(
  "app",
  { component: "redis", tier: "cache" },
  {
    name: "redis-0",
    ip: "10.244.1.10",
    ports: [
      { name: "redis", containerPort: 6379 },
      { name: "metrics", containerPort: 9121, protocol: "TCP" },
      { name: "dns", containerPort: 53, protocol: "UDP" },
    ],
  },
);
const worker = pod("app", { component: "worker" }, { name: "worker-0", ip: "10.244.1.20" });
const neighbour = pod("app", { run: "attacker" }, { name: "attacker-n" });
const webFromOther = pod("other", { component: "web" });
const foreign = pod("bare", {});
const external = (ip: string): Endpoint => ({ kind: "ip", ip });

const np = (name: string, spec: NetworkPolicy["spec"], namespace = "app"): NetworkPolicy => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace },
  spec,
});

const selectRedis = { matchLabels: { component: "redis" } };
const denyAllIngress = np("deny-all", { podSelector: {}, policyTypes: ["Ingress"] });
const tcp = (port: number): TrafficPort => ({ port });

interface Case {
  name: string;
  policies: NetworkPolicy[];
  source: Endpoint;
  destination?: PodEndpoint;
  port?: TrafficPort;
  allowed: boolean;
}

const cases: Case[] = [
  // Isolation and defaults
  { name: "no policies: pod is non-isolated", policies: [], source: foreign, allowed: true },
  {
    name: "policy selecting another pod leaves redis non-isolated",
    policies: [np("web-only", { podSelector: { matchLabels: { component: "web" } } })],
    source: foreign,
    allowed: true,
  },
  {
    name: "empty podSelector selects every pod: deny all",
    policies: [denyAllIngress],
    source: neighbour,
    allowed: false,
  },
  {
    name: "policy in another namespace does not isolate redis",
    policies: [np("deny-all", { podSelector: {} }, "other")],
    source: foreign,
    allowed: true,
  },
  {
    name: "missing ingress with default policyTypes: deny all",
    policies: [np("no-rules", { podSelector: selectRedis })],
    source: worker,
    allowed: false,
  },
  {
    name: "ingress: [] denies all",
    policies: [np("empty", { podSelector: selectRedis, ingress: [] })],
    source: worker,
    allowed: false,
  },
  {
    name: "ingress: [{}] allows all",
    policies: [np("open", { podSelector: selectRedis, ingress: [{}] })],
    source: foreign,
    allowed: true,
  },
  {
    name: "from: [] in a rule allows every source",
    policies: [np("open-from", { podSelector: selectRedis, ingress: [{ from: [] }] })],
    source: external("203.0.113.9"),
    allowed: true,
  },
  {
    name: "Egress-only policy does not isolate ingress",
    policies: [np("egress-only", { podSelector: selectRedis, policyTypes: ["Egress"] })],
    source: foreign,
    allowed: true,
  },
  // Peers
  {
    name: "podSelector-only peer admits a matching pod of the policy's namespace",
    policies: [
      np("from-worker", {
        podSelector: selectRedis,
        ingress: [{ from: [{ podSelector: { matchLabels: { component: "worker" } } }] }],
      }),
    ],
    source: worker,
    allowed: true,
  },
  {
    name: "podSelector-only peer ignores the same labels in another namespace",
    policies: [
      np("from-web", {
        podSelector: selectRedis,
        ingress: [{ from: [{ podSelector: { matchLabels: { component: "web" } } }] }],
      }),
    ],
    source: webFromOther,
    allowed: false,
  },
  {
    name: "podSelector {} peer admits every pod of the policy's namespace only",
    policies: [np("same-ns", { podSelector: selectRedis, ingress: [{ from: [{ podSelector: {} }] }] })],
    source: neighbour,
    allowed: true,
  },
  {
    name: "podSelector {} peer rejects a foreign namespace",
    policies: [np("same-ns", { podSelector: selectRedis, ingress: [{ from: [{ podSelector: {} }] }] })],
    source: foreign,
    allowed: false,
  },
  {
    name: "namespaceSelector-only peer admits any pod of a matching namespace",
    policies: [
      np("from-web-ns", {
        podSelector: selectRedis,
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: "web" } } }] }],
      }),
    ],
    source: webFromOther,
    allowed: true,
  },
  {
    name: "namespaceSelector {} admits all namespaces",
    policies: [np("all-ns", { podSelector: selectRedis, ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    source: foreign,
    allowed: true,
  },
  {
    name: "namespaceSelector {} still excludes addresses outside the pods",
    policies: [np("all-ns", { podSelector: selectRedis, ingress: [{ from: [{ namespaceSelector: {} }] }] })],
    source: external("203.0.113.9"),
    allowed: false,
  },
  {
    name: "namespace name label is implied for selection by name",
    policies: [
      np("by-name", {
        podSelector: selectRedis,
        ingress: [
          { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "bare" } } }] },
        ],
      }),
    ],
    source: foreign,
    allowed: true,
  },
  {
    name: "namespaceSelector AND podSelector in one peer: both must match",
    policies: [
      np("and", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: "web" } },
                podSelector: { matchLabels: { component: "worker" } },
              },
            ],
          },
        ],
      }),
    ],
    source: webFromOther,
    allowed: false,
  },
  {
    name: "namespaceSelector AND podSelector admits the pod matching both",
    policies: [
      np("and", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              {
                namespaceSelector: { matchLabels: { team: "web" } },
                podSelector: { matchLabels: { component: "web" } },
              },
            ],
          },
        ],
      }),
    ],
    source: webFromOther,
    allowed: true,
  },
  {
    name: "two separate peer items are OR: the namespace item alone admits",
    policies: [
      np("or", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team: "web" } } },
              { podSelector: { matchLabels: { component: "worker" } } },
            ],
          },
        ],
      }),
    ],
    source: webFromOther,
    allowed: true,
  },
  {
    name: "two separate peer items are OR: the pod item alone admits",
    policies: [
      np("or", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { team: "web" } } },
              { podSelector: { matchLabels: { component: "worker" } } },
            ],
          },
        ],
      }),
    ],
    source: worker,
    allowed: true,
  },
  // matchExpressions
  {
    name: "matchExpressions In",
    policies: [
      np("in", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              {
                podSelector: {
                  matchExpressions: [{ key: "component", operator: "In", values: ["worker", "scheduler"] }],
                },
              },
            ],
          },
        ],
      }),
    ],
    source: worker,
    allowed: true,
  },
  {
    name: "matchExpressions NotIn matches a pod without the key",
    policies: [
      np("notin", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              {
                podSelector: {
                  matchExpressions: [{ key: "component", operator: "NotIn", values: ["worker"] }],
                },
              },
            ],
          },
        ],
      }),
    ],
    source: neighbour,
    allowed: true,
  },
  {
    name: "matchExpressions NotIn rejects a listed value",
    policies: [
      np("notin", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              {
                podSelector: {
                  matchExpressions: [{ key: "component", operator: "NotIn", values: ["worker"] }],
                },
              },
            ],
          },
        ],
      }),
    ],
    source: worker,
    allowed: false,
  },
  {
    name: "matchExpressions Exists",
    policies: [
      np("exists", {
        podSelector: selectRedis,
        ingress: [
          { from: [{ podSelector: { matchExpressions: [{ key: "component", operator: "Exists" }] } }] },
        ],
      }),
    ],
    source: neighbour,
    allowed: false,
  },
  {
    name: "matchExpressions DoesNotExist",
    policies: [
      np("dne", {
        podSelector: selectRedis,
        ingress: [
          { from: [{ podSelector: { matchExpressions: [{ key: "component", operator: "DoesNotExist" }] } }] },
        ],
      }),
    ],
    source: neighbour,
    allowed: true,
  },
  {
    name: "unknown operator never widens what is allowed",
    policies: [
      np("odd", {
        podSelector: selectRedis,
        ingress: [
          {
            from: [
              { podSelector: { matchExpressions: [{ key: "component", operator: "Gt", values: ["1"] }] } },
            ],
          },
        ],
      }),
    ],
    source: worker,
    allowed: false,
  },
  {
    name: "matchExpressions on the policy's own podSelector decide isolation",
    policies: [
      np("iso", { podSelector: { matchExpressions: [{ key: "tier", operator: "In", values: ["cache"] }] } }),
    ],
    source: worker,
    allowed: false,
  },
  // Ports
  {
    name: "port number matches",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 6379 }] }] })],
    source: foreign,
    allowed: true,
  },
  {
    name: "port number of another port does not match",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 9121 }] }] })],
    source: foreign,
    allowed: false,
  },
  {
    name: "protocol defaults to TCP on the rule",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 53 }] }] })],
    source: foreign,
    port: { port: 53, protocol: "UDP" },
    allowed: false,
  },
  {
    name: "explicit UDP rule admits UDP traffic",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 53, protocol: "UDP" }] }] })],
    source: foreign,
    port: { port: 53, protocol: "UDP" },
    allowed: true,
  },
  {
    name: "protocol-only port entry admits every port of that protocol",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ protocol: "TCP" }] }] })],
    source: foreign,
    port: tcp(9121),
    allowed: true,
  },
  {
    name: "named port resolves against the destination's container ports",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: "redis" }] }] })],
    source: foreign,
    allowed: true,
  },
  {
    name: "named port does not cover another container port",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: "metrics" }] }] })],
    source: foreign,
    allowed: false,
  },
  {
    name: "named port unknown on the destination matches nothing",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: "http" }] }] })],
    source: foreign,
    allowed: false,
  },
  {
    name: "endPort range includes its upper bound",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 9000, endPort: 9121 }] }] })],
    source: foreign,
    port: tcp(9121),
    allowed: true,
  },
  {
    name: "endPort range excludes ports outside it",
    policies: [np("p", { podSelector: selectRedis, ingress: [{ ports: [{ port: 9000, endPort: 9120 }] }] })],
    source: foreign,
    port: tcp(9121),
    allowed: false,
  },
  {
    name: "ports AND peers in one rule: right peer, wrong port",
    policies: [
      np("p", {
        podSelector: selectRedis,
        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 9121 }] }],
      }),
    ],
    source: worker,
    allowed: false,
  },
  // Union of policies
  {
    name: "policies add up: deny-all plus an allow for workers admits workers",
    policies: [
      denyAllIngress,
      np("from-worker", {
        podSelector: selectRedis,
        ingress: [{ from: [{ podSelector: { matchLabels: { component: "worker" } } }] }],
      }),
    ],
    source: worker,
    allowed: true,
  },
  {
    name: "policies add up: deny-all plus an allow for workers still denies the neighbour",
    policies: [
      denyAllIngress,
      np("from-worker", {
        podSelector: selectRedis,
        ingress: [{ from: [{ podSelector: { matchLabels: { component: "worker" } } }] }],
      }),
    ],
    source: neighbour,
    allowed: false,
  },
  {
    name: "rules of one policy add up (second rule admits)",
    policies: [
      np("two-rules", {
        podSelector: selectRedis,
        ingress: [{ ports: [{ port: 1 }] }, { from: [{ namespaceSelector: {} }] }],
      }),
    ],
    source: foreign,
    allowed: true,
  },
  // ipBlock
  {
    name: "ipBlock admits an address inside the CIDR",
    policies: [
      np("ip", { podSelector: selectRedis, ingress: [{ from: [{ ipBlock: { cidr: "203.0.113.0/24" } }] }] }),
    ],
    source: external("203.0.113.9"),
    allowed: true,
  },
  {
    name: "ipBlock except carves an address out",
    policies: [
      np("ip", {
        podSelector: selectRedis,
        ingress: [{ from: [{ ipBlock: { cidr: "203.0.113.0/24", except: ["203.0.113.0/28"] } }] }],
      }),
    ],
    source: external("203.0.113.9"),
    allowed: false,
  },
  {
    name: "ipBlock does not match an address outside the CIDR",
    policies: [
      np("ip", { podSelector: selectRedis, ingress: [{ from: [{ ipBlock: { cidr: "203.0.113.0/24" } }] }] }),
    ],
    source: external("198.51.100.1"),
    allowed: false,
  },
  {
    name: "ipBlock matches a pod by its IP",
    policies: [
      np("ip", { podSelector: selectRedis, ingress: [{ from: [{ ipBlock: { cidr: "10.244.0.0/16" } }] }] }),
    ],
    source: worker,
    allowed: true,
  },
  {
    name: "ipBlock works for IPv6",
    policies: [
      np("ip6", {
        podSelector: selectRedis,
        ingress: [{ from: [{ ipBlock: { cidr: "2001:db8::/32", except: ["2001:db8:1::/48"] } }] }],
      }),
    ],
    source: external("2001:db8:2::5"),
    allowed: true,
  },
  // Egress at the source
  {
    name: "egress deny-all at the source blocks traffic the destination would accept",
    policies: [
      np("egress-deny", { podSelector: { matchLabels: { component: "worker" } }, policyTypes: ["Egress"] }),
    ],
    source: worker,
    allowed: false,
  },
  {
    name: "egress policyType defaults on when egress rules exist",
    policies: [
      np("egress-dns", {
        podSelector: { matchLabels: { component: "worker" } },
        egress: [{ ports: [{ port: 53, protocol: "UDP" }] }],
      }),
    ],
    source: worker,
    allowed: false,
  },
  {
    name: "egress rule to the destination pod on its named port admits",
    policies: [
      np("egress-redis", {
        podSelector: { matchLabels: { component: "worker" } },
        egress: [{ to: [{ podSelector: selectRedis }], ports: [{ port: "redis" }] }],
      }),
    ],
    source: worker,
    allowed: true,
  },
  {
    name: "egress allowed but ingress denied: denied",
    policies: [
      denyAllIngress,
      np("egress-all", {
        podSelector: { matchLabels: { component: "worker" } },
        policyTypes: ["Egress"],
        egress: [{}],
      }),
    ],
    source: worker,
    allowed: false,
  },
  {
    name: "egress policies of another namespace do not govern the source",
    policies: [np("egress-deny", { podSelector: {}, policyTypes: ["Egress"] }, "other")],
    source: worker,
    allowed: true,
  },
  {
    name: "a host-network destination is not governed by ingress policies",
    policies: [denyAllIngress],
    source: foreign,
    destination: { ...redis, name: "redis-host", hostNetwork: true },
    allowed: true,
  },
  {
    name: "a host-network source is not governed by egress policies (ingress still is)",
    policies: [np("egress-deny", { podSelector: {}, policyTypes: ["Egress"] })],
    source: { ...worker, hostNetwork: true },
    allowed: true,
  },
  {
    name: "a pod can always reach itself",
    policies: [denyAllIngress],
    source: { ...redis },
    allowed: true,
  },
];

describe("evaluate (NetworkPolicy semantics)", () => {
  it.each(cases)("$name", (c) => {
    const decision = evaluate(c.policies, {
      source: c.source,
      destination: c.destination ?? redis,
      port: c.port ?? tcp(6379),
    });
    expect(decision.allowed).toBe(c.allowed);
  });

  it("reports which policies isolate the pod and which admit the traffic", () => {
    const fromWorker = np("from-worker", {
      podSelector: selectRedis,
      ingress: [{ from: [{ podSelector: { matchLabels: { component: "worker" } } }] }],
    });
    const d = evaluate([denyAllIngress, fromWorker], { source: worker, destination: redis, port: tcp(6379) });
    expect(d.ingress).toEqual({
      isolated: true,
      allowed: true,
      selectedBy: ["app/deny-all", "app/from-worker"],
      allowedBy: ["app/from-worker"],
    });
    expect(d.egress.isolated).toBe(false);
  });

  it("notes an ipBlock it could not evaluate for a pod without a known IP", () => {
    const ip = np("ip", {
      podSelector: selectRedis,
      ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8" } }] }],
    });
    const d = evaluate([ip], { source: neighbour, destination: redis, port: tcp(6379) });
    expect(d.allowed).toBe(false);
    expect(d.notes.join()).toMatch(/ipBlock 10\.0\.0\.0\/8 not evaluated/);
  });

  it("uses defaultNamespace for policies without metadata.namespace", () => {
    const bare: NetworkPolicy = { metadata: { name: "deny" }, spec: { podSelector: {} } };
    const src = { source: foreign, destination: redis, port: tcp(6379) };
    expect(evaluate([bare], src).allowed).toBe(true);
    expect(evaluate([bare], src, { defaultNamespace: "app" }).allowed).toBe(false);
  });
});
