/**
 * Collects parse warnings. A damaged 10 MB file can produce a warning per cue,
 * which helps nobody, so each code keeps its first few and then one summary
 * saying how many more there were.
 */
const MAX_PER_CODE = 20;
export class WarningLog {
    kept = [];
    counts = new Map();
    add(code, message, line) {
        const count = (this.counts.get(code) ?? 0) + 1;
        this.counts.set(code, count);
        if (count <= MAX_PER_CODE)
            this.kept.push(line === undefined ? { code, message } : { code, message, line });
    }
    count(code) {
        return this.counts.get(code) ?? 0;
    }
    list() {
        const summaries = [];
        for (const [code, count] of this.counts) {
            if (count > MAX_PER_CODE) {
                summaries.push({ code, message: `${count - MAX_PER_CODE} more ${code} warnings not listed.` });
            }
        }
        return summaries.length === 0 ? [...this.kept] : [...this.kept, ...summaries];
    }
}
