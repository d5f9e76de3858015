import { connect } from "node:net";
import type { TunnelEndpoint } from "../../harness/model/access.ts";
import { defineProbe, hasComponent, portOf, runNetworkCheck } from "../probe-kit.ts";

/** The protocol's SSLRequest: length 8, then the magic code 80877103. */
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/** Sends SSLRequest and returns the server's one-byte answer ('S' or 'N'). */
export function askForTls(ep: TunnelEndpoint, timeoutMs = 6000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: ep.host, port: ep.port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        Object.assign(new Error(`no answer to SSLRequest within ${timeoutMs} ms`), { code: "ETIMEDOUT" }),
      );
    }, timeoutMs);
    socket.once("connect", () => socket.write(SSL_REQUEST));
    socket.once("data", (d: Buffer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(String.fromCharCode(d[0] ?? 0));
    });
    socket.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.once("end", () => {
      clearTimeout(timer);
      reject(
        Object.assign(new Error("connection closed before answering SSLRequest"), { code: "ECONNRESET" }),
      );
    });
  });
}

export const postgresNoTls = defineProbe({
  id: "postgres-no-tls",
  title: "PostgreSQL does not offer TLS",
  family: "network-auth",
  severity: "medium",
  cwe: ["CWE-319"],
  attack: ["T1040"],
  remediation:
    "Enable TLS on PostgreSQL (ssl=on with a certificate from a Secret) and require it with hostssl lines.",
  valuesKeys: ["postgresql.tls.enabled"],
  description:
    "Sends the protocol's SSLRequest; a server that answers 'N' sends passwords and data in clear text.",
  vantages: ["runner"],
  component: "postgres",
  appliesTo: hasComponent("postgres"),
  run: (ctx, self) =>
    runNetworkCheck({
      meta: self,
      ctx,
      component: "postgres",
      port: portOf(ctx.target, "postgres", { protocol: "postgres", number: 5432 }),
      check: async (ep) => {
        const answer = await askForTls(ep);
        const evidence = [{ label: "SSLRequest", content: `> SSLRequest (80877103)\n< '${answer}'` }];
        const repro = `${ep.describe}\nopenssl s_client -starttls postgres -connect ${ep.host}:${ep.port} </dev/null`;
        if (answer === "S")
          return { verdict: "secure", summary: "server offers TLS (answered 'S')", evidence, repro };
        if (answer === "N")
          return { verdict: "vulnerable", summary: "server refuses TLS (answered 'N')", evidence, repro };
        return {
          verdict: "inconclusive",
          summary: `unexpected answer to SSLRequest: ${JSON.stringify(answer)}`,
          evidence,
          repro,
        };
      },
    }),
});
