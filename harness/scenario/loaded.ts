import type { MatrixSpec } from "../matrix/matrix-spec.ts";
import type { Scenario, TargetProfile } from "../model/scenario.ts";

/** A target profile and the file it came from. */
export interface LoadedTarget {
  profile: TargetProfile;
  file: string;
}

/** A base scenario (as written in its file, defaults applied) and where it came from. */
export interface LoadedScenario {
  scenario: Scenario;
  file: string;
  /** The expectations file it merged in, if any. */
  expectationsFile?: string;
}

export interface LoadedMatrix {
  spec: MatrixSpec;
  file: string;
}

/** What checks need to know about the rest of the project. */
export interface CheckContext {
  /** Absolute project root; repository-relative paths are relative to it. */
  root: string;
  /** Known probe ids; when absent, probe ids are not checked. */
  probeIds?: ReadonlySet<string>;
  targets: ReadonlyMap<string, LoadedTarget>;
}
