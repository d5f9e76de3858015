import type { TunnelEndpoint } from "../../harness/model/access.ts";
import type { ComponentPort } from "../../harness/model/scenario.ts";
import { baseUrl, type HttpResponse, http } from "./http-client.ts";

/** The webserver's login page response (Airflow 2 /login/, Airflow 3 /auth/login). */
export async function fetchLoginResponse(
  ep: TunnelEndpoint,
  port: ComponentPort | undefined,
): Promise<{ path: string; res: HttpResponse }> {
  const base = baseUrl(ep, port);
  let last: { path: string; res: HttpResponse } | undefined;
  for (const path of ["/login/", "/auth/login"]) {
    const res = await http(base, { path });
    last = { path, res };
    if (res.status !== 404) return last;
  }
  return last as { path: string; res: HttpResponse };
}
