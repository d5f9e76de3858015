#!/usr/bin/env node
import { runCli } from "./run-cli.ts";

// exitCode (not exit()) so buffered stdout, e.g. a large --json document, is flushed first.
process.exitCode = await runCli(process.argv);
