/** The exit codes, as printed under --help (and documented in README.md). */
export const EXIT_CODES_HELP = `Exit codes:
  0  success; the gate passed
  1  the gate failed (unexpected findings, regressions, undecided probes)
  2  bad usage or bad input (options, scenario files, run records)
  3  environment or infrastructure failure (docker, kind, helm, cluster)
  4  internal error (a bug in chartprobe; --verbose shows the stack)
  130  interrupted by Ctrl-C (143: SIGTERM), after cleanup`;
