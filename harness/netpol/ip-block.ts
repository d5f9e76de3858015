import { BlockList, isIP } from "node:net";
import type { IPBlock } from "./types.ts";

function subnetList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address, prefixText] = cidr.split("/");
    const family = isIP(address ?? "");
    if (!address || family === 0) continue;
    const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
    if (!Number.isInteger(prefix)) continue;
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/** Whether `ip` lies in the block's CIDR and in none of its `except` ranges. */
export function matchesIpBlock(block: IPBlock, ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (!subnetList([block.cidr]).check(ip, type)) return false;
  return !subnetList(block.except ?? []).check(ip, type);
}
