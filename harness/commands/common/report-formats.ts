/** The report formats `chartprobe report render` and `chartprobe run` can write. */
export const REPORT_FORMATS = ["json", "junit", "sarif", "md", "html"] as const;
export type ReportFormatName = (typeof REPORT_FORMATS)[number];
