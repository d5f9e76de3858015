import type { Finding } from "../../harness/model/finding.ts";
import {
  type AccessProbe,
  type Ctx,
  deployedSecretsOf,
  type Observation,
  portOf,
  redact,
  runNetworkCheck,
} from "../probe-kit.ts";
import { baseUrl, describeExchange } from "./http-client.ts";
import { fetchLoginResponse } from "./login-response.ts";
import { describeCookie, type SetCookie, sessionCookie } from "./set-cookie.ts";

/** Judges one attribute of the session cookie the real login response sets. */
export type CookieJudge = (cookie: SetCookie) => Pick<Observation, "verdict" | "summary">;

export function runCookieCheck(ctx: Ctx, self: AccessProbe, judge: CookieJudge): Promise<Finding[]> {
  const port = portOf(ctx.target, "webserver", { names: ["web", "http"], protocol: "http", number: 8080 });
  return runNetworkCheck({
    meta: self,
    ctx,
    component: "webserver",
    port,
    check: async (ep) => {
      const { path, res } = await fetchLoginResponse(ep, port);
      const cookie = sessionCookie(res.setCookies);
      const lines = [
        describeExchange({ path }, res),
        ...(cookie ? [`< set-cookie: ${describeCookie(cookie)}`] : []),
      ];
      const evidence = [
        { label: "login response", content: redact(lines.join("\n"), deployedSecretsOf(ctx)) },
      ];
      const repro = `${ep.describe}\ncurl -s -o /dev/null -D - ${baseUrl(ep, port)}${path} | grep -i '^set-cookie'`;
      if (!cookie)
        return {
          verdict: "inconclusive",
          summary: `the login response (${res.status}) set no cookie`,
          evidence,
          repro,
        };
      return { ...judge(cookie), evidence, repro };
    },
  });
}
