import { describe, expect, it } from "vitest";
import { wantsTty } from "./cli-logger.ts";
import { createLogger, createMemoryLogger } from "./create-logger.ts";
import { createJsonSink } from "./json-sink.ts";
import { createPlainSink } from "./plain-sink.ts";
import { createTtySink } from "./tty-sink.ts";

describe("logger", () => {
  it("emits typed events, filtered by level, with scope from child loggers", async () => {
    const log = createMemoryLogger("info");
    log.debug("hidden");
    log.child("testbed/insecure").warn("slow", { seconds: 3 });
    await log.step("install", async () => 42);
    await expect(
      log.step("probe", async () => {
        throw new Error("boom\nsecond line");
      }),
    ).rejects.toThrow("boom");
    expect(log.events.map((e) => e.type)).toEqual([
      "message",
      "step-start",
      "step-end",
      "step-start",
      "step-end",
    ]);
    expect(log.events[0]).toEqual({
      type: "message",
      level: "warn",
      text: "slow",
      fields: { seconds: 3 },
      scope: "testbed/insecure",
    });
    expect(log.events[4]).toMatchObject({
      type: "step-end",
      step: "probe",
      status: "failed",
      detail: "boom",
    });
  });

  it("plain sink writes one self-contained line per event", async () => {
    const lines: string[] = [];
    const log = createLogger(
      createPlainSink((l) => lines.push(l)),
      "debug",
    );
    await log.step("create cluster", async () => undefined);
    log.progress("probes", 3, 12);
    log.error("it broke");
    expect(lines[0]).toBe("> create cluster\n");
    expect(lines[1]).toMatch(/^ok create cluster \(\d+\.\ds\)\n$/);
    expect(lines[2]).toBe("  probes: 3/12\n");
    expect(lines[3]).toBe("error: it broke\n");
    expect(lines.join("")).not.toContain("\x1b");
  });

  it("tty sink redraws a status line in place and prints finished steps above it", async () => {
    let out = "";
    const log = createLogger(
      createTtySink((t) => (out += t)),
      "info",
    );
    await log.step("install", async () => {
      log.progress("install", 1, 2);
      log.info("pods pending");
    });
    expect(out).toContain("\r\x1b[2K… install 1/2");
    expect(out).toContain("pods pending\n");
    expect(out).toMatch(/✓ install \(\d+\.\ds\)\n$/);
  });

  it("json sink writes JSON Lines with a timestamp", () => {
    const lines: string[] = [];
    const log = createLogger(
      createJsonSink(
        (l) => lines.push(l),
        () => new Date("2026-12-03T10:00:00Z"),
      ),
      "info",
    );
    log.child("s").info("hello", { n: 1 });
    expect(lines).toEqual([
      '{"time":"2026-12-03T10:00:00.000Z","type":"message","level":"info","text":"hello","fields":{"n":1},"scope":"s"}\n',
    ]);
  });

  it("uses progress lines only on a terminal outside CI", () => {
    expect(wantsTty({ isTTY: true }, {})).toBe(true);
    expect(wantsTty({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(wantsTty({ isTTY: true }, { CI: "false" })).toBe(true);
    expect(wantsTty({ isTTY: false }, {})).toBe(false);
    expect(wantsTty({ isTTY: true }, { TERM: "dumb" })).toBe(false);
  });
});
