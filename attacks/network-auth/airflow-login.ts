import { CookieJar, describeExchange, type HttpResponse, http } from "../web/http-client.ts";

export interface LoginAttempt {
  flavour: "airflow-2-form" | "airflow-3-token";
  accepted: boolean;
  transcript: string[];
  /** Why the attempt could not decide (e.g. no login form found). */
  undecided?: string;
}

/** Airflow 3 answers /api/v2/version (even unauthenticated it is JSON, or 401/403 JSON). */
export async function looksLikeAirflow3(base: string): Promise<boolean> {
  const res = await http(base, { path: "/api/v2/version" });
  return (
    (res.status === 200 || res.status === 401 || res.status === 403) &&
    /json/.test(res.headers["content-type"] ?? "")
  );
}

export function csrfTokenOf(html: string): string | undefined {
  const input = /<input[^>]*name="csrf_token"[^>]*>/i.exec(html)?.[0];
  return input ? /value="([^"]*)"/i.exec(input)?.[1] : undefined;
}

/** An authenticated Airflow 2 page: /home answers 200 and offers a logout link. */
export function isAuthenticatedHome(res: HttpResponse): boolean {
  return res.status === 200 && /\/logout/i.test(res.body);
}

/**
 * The real Flask-AppBuilder login of Airflow 2: GET /login/ for the CSRF token and session
 * cookie, POST the form, then prove the session by fetching /home.
 */
export async function airflow2FormLogin(
  base: string,
  username: string,
  password: string,
): Promise<LoginAttempt> {
  const jar = new CookieJar();
  const t: string[] = [];
  const page = await http(base, { path: "/login/" });
  jar.absorb(page.setCookies);
  t.push(describeExchange({ path: "/login/" }, page));
  const csrf = csrfTokenOf(page.body);
  if (page.status !== 200 || !csrf)
    return {
      flavour: "airflow-2-form",
      accepted: false,
      transcript: t,
      undecided: `no login form with a CSRF token at /login/ (status ${page.status})`,
    };
  const form = new URLSearchParams({ csrf_token: csrf, username, password }).toString();
  const post = { method: "POST" as const, path: "/login/", body: form };
  const res = await http(base, {
    ...post,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Cookie: jar.header(),
      Referer: `${base}/login/`,
    },
  });
  jar.absorb(res.setCookies);
  t.push(`${describeExchange(post, res)} (form: csrf_token, username=${username}, password=<redacted>)`);
  // Flask-AppBuilder rate-limits login POSTs; a refusal for that reason says nothing about the password.
  if (res.status === 429)
    return {
      flavour: "airflow-2-form",
      accepted: false,
      transcript: t,
      undecided: "the login form is rate-limited (429); try again later",
    };
  const leftLogin = res.status >= 300 && res.status < 400 && !!res.location && !/\/login/.test(res.location);
  const home = await http(base, { path: "/home", headers: { Cookie: jar.header() } });
  const authed = isAuthenticatedHome(home);
  t.push(
    `${describeExchange({ path: "/home" }, home)}${authed ? " (authenticated page with a logout link)" : ""}`,
  );
  return { flavour: "airflow-2-form", accepted: leftLogin && authed, transcript: t };
}

/** Airflow 3: POST /auth/token with JSON credentials; an access_token means success. */
export async function airflow3TokenLogin(
  base: string,
  username: string,
  password: string,
): Promise<LoginAttempt> {
  const t: string[] = [];
  const req = { method: "POST" as const, path: "/auth/token", body: JSON.stringify({ username, password }) };
  const res = await http(base, { ...req, headers: { "Content-Type": "application/json" } });
  t.push(`${describeExchange(req, res)} (body: {"username":"${username}","password":"<redacted>"})`);
  let token: string | undefined;
  try {
    token = (JSON.parse(res.body) as { access_token?: string }).access_token;
  } catch {
    token = undefined;
  }
  if (res.status === 404 || res.status === 405)
    return {
      flavour: "airflow-3-token",
      accepted: false,
      transcript: t,
      undecided: `no token endpoint (status ${res.status})`,
    };
  if (res.status === 429)
    return {
      flavour: "airflow-3-token",
      accepted: false,
      transcript: t,
      undecided: "the token endpoint is rate-limited (429)",
    };
  if (!token) return { flavour: "airflow-3-token", accepted: false, transcript: t };
  const check = await http(base, {
    path: "/api/v2/dags?limit=1",
    headers: { Authorization: `Bearer ${token}` },
  });
  t.push(`${describeExchange({ path: "/api/v2/dags?limit=1" }, check)} (with the issued bearer token)`);
  return { flavour: "airflow-3-token", accepted: check.status === 200, transcript: t };
}

export async function airflowLogin(base: string, username: string, password: string): Promise<LoginAttempt> {
  if (await looksLikeAirflow3(base)) return airflow3TokenLogin(base, username, password);
  return airflow2FormLogin(base, username, password);
}
