import { describe, expect, it } from "vitest";
import { missingSecurityHeaders } from "./security-headers.ts";
import { describeCookie, parseSetCookie, sessionCookie } from "./set-cookie.ts";

describe("Set-Cookie parsing", () => {
  it("reads Flask's default session cookie attributes", () => {
    const c = parseSetCookie("session=.eJw.abc.def; HttpOnly; Path=/; SameSite=Lax");
    expect(c).toMatchObject({
      name: "session",
      value: ".eJw.abc.def",
      secure: false,
      httpOnly: true,
      sameSite: "Lax",
    });
  });
  it("reads Secure and SameSite=Strict case-insensitively, values with '='", () => {
    const c = parseSetCookie("session=a=b=; secure; samesite=Strict; Expires=Wed, 21 Oct 2026 07:28:00 GMT");
    expect(c?.value).toBe("a=b=");
    expect(c?.secure).toBe(true);
    expect(c?.httpOnly).toBe(false);
    expect(c?.sameSite).toBe("Strict");
    expect(c?.attributes.expires).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
  });
  it("rejects a header without name=value", () => {
    expect(parseSetCookie("garbage")).toBeUndefined();
  });
  it("picks the session cookie by name, else the first", () => {
    expect(sessionCookie(["a=1", "session=2; HttpOnly"])?.name).toBe("session");
    expect(sessionCookie(["a=1", "b=2"])?.name).toBe("a");
    expect(sessionCookie([])).toBeUndefined();
  });
  it("hides the value in evidence", () => {
    const c = parseSetCookie("session=secretvalue; HttpOnly");
    expect(c && describeCookie(c)).toBe("session=***; HttpOnly");
  });
});

describe("security headers", () => {
  it("accepts X-Frame-Options DENY with nosniff", () => {
    expect(
      missingSecurityHeaders({ headers: { "x-frame-options": "DENY", "x-content-type-options": "nosniff" } }),
    ).toEqual([]);
  });
  it("accepts CSP frame-ancestors instead of X-Frame-Options", () => {
    const headers = {
      "content-security-policy": "default-src 'self'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
    };
    expect(missingSecurityHeaders({ headers })).toEqual([]);
  });
  it("reports both gaps on a bare response", () => {
    expect(missingSecurityHeaders({ headers: {} })).toHaveLength(2);
  });
  it("does not count X-Frame-Options ALLOWALL", () => {
    expect(
      missingSecurityHeaders({
        headers: { "x-frame-options": "ALLOWALL", "x-content-type-options": "nosniff" },
      }),
    ).toHaveLength(1);
  });
});
