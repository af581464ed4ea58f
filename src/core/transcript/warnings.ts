/**
 * Collects parse warnings. A damaged 10 MB file can produce a warning per cue,
 * which helps nobody, so each code keeps its first few and then one summary
 * saying how many more there were.
 */

import type { ParseWarning } from './types.js';

const MAX_PER_CODE = 20;

export class WarningLog {
  private readonly kept: ParseWarning[] = [];
  private readonly counts = new Map<ParseWarning['code'], number>();

  add(code: ParseWarning['code'], message: string, line?: number): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    if (count <= MAX_PER_CODE) this.kept.push(line === undefined ? { code, message } : { code, message, line });
  }

  count(code: ParseWarning['code']): number {
    return this.counts.get(code) ?? 0;
  }

  list(): ParseWarning[] {
    const summaries: ParseWarning[] = [];
    for (const [code, count] of this.counts) {
      if (count > MAX_PER_CODE) {
        summaries.push({ code, message: `${count - MAX_PER_CODE} more ${code} warnings not listed.` });
      }
    }
    return summaries.length === 0 ? [...this.kept] : [...this.kept, ...summaries];
  }
}
