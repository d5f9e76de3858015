import { describe, expect, it } from "vitest";
import { nodeImageFor } from "../toolchain/toolchain.ts";
import { nodesOfOtherVersions } from "./node-version.ts";

describe("nodesOfOtherVersions", () => {
  const nodes = [
    { name: "cp-control-plane", kubeletVersion: "v1.34.4" },
    { name: "cp-worker", kubeletVersion: "v1.33.8" },
  ];

  it.each([
    ["1.34.4", ["cp-worker (v1.33.8)"]],
    ["v1.33.8", ["cp-control-plane (v1.34.4)"]],
    ["1.32.0", ["cp-control-plane (v1.34.4)", "cp-worker (v1.33.8)"]],
  ])("requested %s: names every node of another version", (requested, expected) => {
    expect(nodesOfOtherVersions(requested, nodes)).toEqual(expected);
  });

  it("is empty when every node runs the requested version", () => {
    expect(nodesOfOtherVersions("1.34.4", [nodes[0] as (typeof nodes)[0]])).toEqual([]);
  });
});

describe("nodeImageFor", () => {
  it("follows the requested version, with or without a leading v", () => {
    expect(nodeImageFor("offline", "1.33.8")).toBe("chartprobe.local/kind-node:v1.33.8-cp1");
    expect(nodeImageFor("offline", "v1.34.4")).toBe("chartprobe.local/kind-node:v1.34.4-cp1");
    expect(nodeImageFor("online", "1.33.8")).toBe("kindest/node:v1.33.8");
  });
});
