/** Plain text for a Markdown paragraph or table cell: no HTML, no table breaks, no emphasis. */
export function mdText(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]|#~])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

/** Inline code that survives backticks in the value. */
export function mdCode(value: string): string {
  const oneLine = value.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${oneLine} ${fence}` : `${fence}${oneLine}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function mdFence(value: string, lang = "", indent = ""): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  const body = value
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => `${indent}${l}`)
    .join("\n");
  return `${indent}${fence}${lang}\n${body}\n${indent}${fence}`;
}
