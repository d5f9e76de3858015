import { Agent } from "node:https";
import axios from "axios";
import type { TunnelEndpoint } from "../../harness/model/access.ts";
import type { ComponentPort } from "../../harness/model/scenario.ts";

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
  location?: string;
}

export interface HttpRequest {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export const baseUrl = (ep: TunnelEndpoint, port?: ComponentPort): string =>
  `${port?.protocol === "https" ? "https" : "http"}://${ep.host}:${ep.port}`;

const insecureAgent = new Agent({ rejectUnauthorized: false });

/** One HTTP exchange with axios: no redirects followed, every status returned, body as text. */
export async function http(base: string, req: HttpRequest): Promise<HttpResponse> {
  const res = await axios.request<string>({
    baseURL: base,
    url: req.path,
    method: req.method ?? "GET",
    headers: { "User-Agent": "chartprobe/1", ...req.headers },
    data: req.body,
    maxRedirects: 0,
    validateStatus: () => true,
    timeout: req.timeoutMs ?? 15_000,
    responseType: "text",
    transformResponse: (d: unknown) => d,
    // Self-signed certificates are common on test deployments; TLS quality is not judged here.
    ...(base.startsWith("https:") ? { httpsAgent: insecureAgent } : {}),
  });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers ?? {})) {
    if (v === undefined || v === null) continue;
    headers[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  const sc = res.headers?.["set-cookie"];
  const setCookies = Array.isArray(sc) ? sc : sc ? [String(sc)] : [];
  const out: HttpResponse = {
    status: res.status,
    headers,
    setCookies,
    body: typeof res.data === "string" ? res.data : "",
  };
  if (headers.location) out.location = headers.location;
  return out;
}

/** A minimal cookie jar: name → value, fed from Set-Cookie headers. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();
  absorb(setCookies: string[]): void {
    for (const raw of setCookies) {
      const first = raw.split(";")[0] ?? "";
      const eq = first.indexOf("=");
      if (eq > 0) this.#cookies.set(first.slice(0, eq).trim(), first.slice(eq + 1).trim());
    }
  }
  set(name: string, value: string): void {
    this.#cookies.set(name, value);
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** "GET /x → 302 (Location: /y)" plus selected headers, for evidence. */
export function describeExchange(req: HttpRequest, res: HttpResponse, showHeaders: string[] = []): string {
  const lines = [
    `> ${req.method ?? "GET"} ${req.path}`,
    `< ${res.status}${res.location ? ` Location: ${res.location}` : ""}`,
  ];
  for (const h of showHeaders) if (res.headers[h] !== undefined) lines.push(`< ${h}: ${res.headers[h]}`);
  return lines.join("\n");
}
