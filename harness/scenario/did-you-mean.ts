import { closest, distance } from "fastest-levenshtein";

/** The closest candidate when it is close enough to be a plausible typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  if (list.length === 0) return undefined;
  const best = closest(input, list);
  const limit = Math.max(2, Math.floor(Math.max(input.length, best.length) / 3));
  return distance(input.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

/** "did you mean "x"?" or a short list of what is allowed. */
export function suggestion(input: string, candidates: Iterable<string>, noun = "value"): string {
  const list = [...candidates];
  const best = didYouMean(input, list);
  if (best) return `did you mean "${best}"?`;
  if (list.length === 0) return `no ${noun}s are defined`;
  if (list.length > 10) return `use a known ${noun}`;
  return `use one of: ${list.join(", ")}`;
}
