import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCommand, LOCAL_IMAGES, localImage } from "./catalog.ts";

const root = resolve(import.meta.dirname, "../..");

function listFile(): [string, string][] {
  return readFileSync(resolve(root, "scripts/images/images.list"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const [name = "", tag = ""] = line.split(/\s+/);
      return [name, tag];
    });
}

describe("local image catalog", () => {
  it("matches scripts/images/images.list name for name and tag for tag", () => {
    expect(LOCAL_IMAGES.map((i) => [i.name, i.tag])).toEqual(listFile());
  });

  it("has a Dockerfile for every image and never a :latest tag", () => {
    for (const image of LOCAL_IMAGES) {
      expect(existsSync(resolve(root, image.dockerfileDir, "Dockerfile")), image.name).toBe(true);
      expect(image.tag.endsWith(":latest")).toBe(false);
      expect(image.tag).toMatch(/^[a-z0-9.]+\/[a-z0-9-]+:[A-Za-z0-9._-]+$/);
    }
  });

  it("finds images by name and builds the script command", () => {
    expect(localImage("redis")?.tag).toBe("chartprobe.local/redis:7-cp1");
    expect(localImage("nope")).toBeUndefined();
    expect(buildCommand(["airflow"])).toEqual(["bash", "scripts/images/build-images.sh", "airflow"]);
  });
});
