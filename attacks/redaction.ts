// The reports engineer's redaction (known values, then credential-looking patterns).
export { redactText } from "../reports/redact.ts";
