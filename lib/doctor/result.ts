// One line of `npm run doctor`: ✓ or ✗ (with one sentence on how to fix it), or a note.

export interface CheckLine {
  status: "ok" | "fail" | "note";
  text: string;
  /** For a ✗: what to do about it, in one sentence. */
  fix?: string;
}

export const ok = (text: string): CheckLine => ({ status: "ok", text });
export const fail = (text: string, fix: string): CheckLine => ({ status: "fail", text, fix });
export const note = (text: string): CheckLine => ({ status: "note", text });

/** Whether every check holds (notes do not count). */
export const allPassed = (lines: CheckLine[]) => lines.every((line) => line.status !== "fail");

const MARK = { ok: "✓", fail: "✗", note: "•" } as const;

/** The report: every line, or (`short`, for `npm run dev`) the ✗ lines only and a summary. */
export function formatReport(lines: CheckLine[], { short = false } = {}): string {
  const failed = lines.filter((line) => line.status === "fail");
  const checks = lines.filter((line) => line.status !== "note").length;
  const shown = short ? failed : lines;
  const body = shown.map((line) => `${MARK[line.status]} ${line.text}${line.fix ? `\n    → ${line.fix}` : ""}`);
  const summary =
    failed.length === 0
      ? `${checks} checks passed.`
      : `${failed.length} of ${checks} checks failed.${short ? " Run npm run doctor for the whole report." : ""}`;
  return [...body, summary].join("\n");
}
