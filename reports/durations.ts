/** 1840 → "1.8 s", 148200 → "2 min 28 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min ${s} s`;
}

export const scenarioDurationMs = (phases: readonly { durationMs: number }[]): number =>
  phases.reduce((n, p) => n + p.durationMs, 0);
