import { UserError } from "../errors.ts";

/** One thing wrong with one file, with where it is and how to fix it. */
export interface Problem {
  /** The file as the user would type it (relative to the project root when inside it). */
  file: string;
  line?: number;
  column?: number;
  /** Field path inside the document, e.g. `expectations[2].verdict`; empty for the whole file. */
  path: string;
  message: string;
  fix?: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  const field = p.path ? ` ${p.path}:` : "";
  const fix = p.fix ? `\n    fix: ${p.fix}` : "";
  return `${where}:${field} ${p.message}${fix}`;
}

const MAX_LISTED = 40;

/** Thrown when scenario files are invalid; exit 2 with every problem listed. */
export class ScenarioFilesInvalidError extends UserError {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const files = new Set(problems.map((p) => p.file)).size;
    const shown = problems.slice(0, MAX_LISTED).map((p) => `  ${formatProblem(p)}`);
    if (problems.length > MAX_LISTED)
      shown.push(`  … and ${problems.length - MAX_LISTED} more (--json lists all)`);
    super(
      `${problems.length} problem${problems.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}:\n${shown.join("\n")}`,
      "fix the files above, then run `chartprobe scenarios validate` again",
    );
    this.problems = problems;
  }
}
