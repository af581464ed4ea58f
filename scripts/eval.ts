/**
 * `npm run eval`: builds the offline snapshot of every answer key's
 * transcript (scripts/eval-run.ts says where it finds them) and prints, per
 * key and per set, what it got right, then per-field precision and recall,
 * the calibration table and every miss.
 *
 *   npm run eval -- [--json] [--strict] [--vendor-from-key] [--misses] [key.json ...]
 *   npm run eval -- --write-baseline [--allow-lower "reason"]
 *
 * Without key paths it also scores search (scripts/eval-search.ts: every
 * key's questions and the QMSum span queries, top 5 per meeting; `--misses`
 * lists what missed).
 *
 * `--vendor-from-key` also scores each key with its `vendor` passed as the
 * build option, so the report shows both ways. `--strict` exits 1 when any
 * issue-12 target is missed. `--write-baseline` records every set's totals
 * as the CI floor (test/eval/baseline.json, checked by
 * test/eval/floors.test.ts); it refuses to lower any of them unless
 * `--allow-lower` says why, and the reason is kept in the file.
 */

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CONFIDENT,
  CONFIDENT_RIGHT_TARGET,
  SET_LABELS,
  belowFloor,
  calibration,
  fieldQuality,
  missLines,
  missedTargets,
  setTotals,
  type SetName,
} from './eval-score.js';
import {
  BASELINE_PATH,
  MODES,
  discoverKeys,
  evaluateKey,
  floorsOf,
  readBaseline,
  readKey,
  totalsBySet,
  writeBaseline,
  type Baseline,
  type KeyEntry,
  type KeyResult,
  type Mode,
} from './eval-run.js';
import { evaluateSearch, formatSearchEvaluation, searchTargetFailures } from './eval-search.js';

const MODE_LABELS: Record<Mode, string> = { inferred: 'sides inferred from the call', vendorFromKey: "each key's vendor given" };

const ratio = (part: { hit: number; total: number } | undefined) => (part ? `${part.hit}/${part.total}` : '-');
const percent = (part: number, whole: number) => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)} %`);

function table(header: string[], lines: string[][]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

/** Each set's totals in one mode: what the CI floor holds. */
function setTable(results: readonly KeyResult[], mode: Mode): string {
  const sets = [...new Set(results.map((result) => result.entry.set))];
  return table(
    ['set', 'keys', 'fields', 'facts', 'search', 'invented', 'wrong', 'ruled out', 'negative filled', 'gate fired', 'false gate', `right at >= ${CONFIDENT}`, 'customer right', 'vendor as customer', 'grounded min'],
    sets.map((set) => {
      const sum = setTotals(results.filter((result) => result.entry.set === set).map((result) => result.scores[mode]!));
      return [
        SET_LABELS[set],
        String(sum.keys),
        `${sum.fieldsHit}/${sum.fieldsTotal}`,
        `${sum.factsHit}/${sum.factsTotal}`,
        `${sum.searchHit}/${sum.searchTotal}`,
        String(sum.invented),
        String(sum.wrongValues),
        String(sum.ruledOut),
        String(sum.negativeFieldsFilled),
        `${sum.gateFired}/${set === 'negatives' ? sum.keys : 0}`,
        String(sum.gateFalseAlarms),
        `${sum.confidentRight}/${sum.confidentShown}`,
        String(sum.customerRight),
        String(sum.vendorAsCustomer),
        sum.groundedMin.toFixed(3),
      ];
    }),
  );
}

function report(results: readonly KeyResult[], mode: Mode): string {
  const scored = results.map((result) => ({ ...result, score: result.scores[mode]! }));
  const scores = scored.map((row) => row.score);
  const keys = table(
    ['set', 'answer key', 'fields', 'facts', 'search', 'grounded', 'invented', 'ruled out', 'gate', 'sides', 'build ms', 'targets'],
    scored.map(({ entry, score, buildMs }) => [
      SET_LABELS[entry.set],
      entry.name,
      ratio(score.fields),
      ratio(score.facts),
      ratio(score.search),
      score.groundedRatio.toFixed(3),
      String(score.invented.length),
      String(score.fields.checks.filter((check) => check.ruledOut).length),
      score.gateFired ? 'fired' : '-',
      score.sides ? (score.sides.vendorAsCustomer ? 'VENDOR' : score.sides.customerRight ? 'right' : 'wrong') : '-',
      buildMs === undefined || mode !== 'inferred' ? '' : buildMs.toFixed(1),
      missedTargets(entry.set, score).length === 0 ? 'met' : 'MISSED',
    ]),
  );

  const totals = setTable(results, mode);

  const fields = table(
    ['field', 'shown', 'right', 'precision', 'expected', 'found', 'recall'],
    fieldQuality(scores).map((row) => [row.field, String(row.shown), String(row.right), percent(row.right, row.shown), String(row.expected), String(row.found), percent(row.found, row.expected)]),
  );

  const all = setTotals(scores);
  const buckets = table(
    ['confidence', 'shown', 'right', 'share right', 'mean confidence'],
    calibration(scores).map((bucket) => [
      `[${bucket.from.toFixed(1)}, ${bucket.to.toFixed(1)}${bucket.to === 1 ? ']' : ')'}`,
      String(bucket.shown),
      String(bucket.right),
      percent(bucket.right, bucket.shown),
      bucket.shown === 0 ? '-' : bucket.meanConfidence.toFixed(2),
    ]),
  );
  const confident = `Shown at >= ${CONFIDENT}: ${all.confidentRight}/${all.confidentShown} right (${percent(all.confidentRight, all.confidentShown)}; target ${CONFIDENT_RIGHT_TARGET * 100} %).`;

  const misses = scored.flatMap(({ entry, score }) => {
    const lines = [...missedTargets(entry.set, score).map((target) => `target: ${target}`), ...missLines(score)];
    return lines.length === 0 ? [] : [`\n${entry.name} misses:\n${lines.map((line) => `  - ${line}`).join('\n')}`];
  });

  return [`== ${MODE_LABELS[mode]} ==`, keys, '', 'Per set:', totals, '', 'Per field, over every key:', fields, '', 'Calibration, over every key:', buckets, confident, ...misses, ''].join('\n');
}

/** Every target missed in a mode, for `--strict`. */
function strictFailures(results: readonly KeyResult[], mode: Mode): string[] {
  const perKey = results.flatMap((result) => missedTargets(result.entry.set, result.scores[mode]!).map((target) => `${result.entry.name}: ${target}`));
  const all = setTotals(results.map((result) => result.scores[mode]!));
  const calibrated = all.confidentRightShare >= CONFIDENT_RIGHT_TARGET ? [] : [`values shown at >= ${CONFIDENT} right ${all.confidentRight}/${all.confidentShown}`];
  return [...perKey, ...calibrated];
}

/** Refuses to lower a floor without a reason; returns the exit code. */
function recordBaseline(results: readonly KeyResult[], allowLower: string | undefined): number {
  const totals = totalsBySet(results, MODES);
  const previous = existsSync(BASELINE_PATH) ? readBaseline() : undefined;
  const lowered = previous
    ? Object.entries(previous.floors).flatMap(([mode, sets]) =>
        Object.entries(sets).flatMap(([set, floor]) => {
          const now = totals[mode as Mode]?.[set as SetName];
          if (!now) return [`${mode} ${set}: the set is gone`];
          return belowFloor(now, floor).map((worse) => `${mode} ${set}: ${worse}`);
        }),
      )
    : [];
  if (lowered.length > 0 && allowLower === undefined) {
    process.stderr.write(`Not written: these totals are below the recorded floor (pass --allow-lower "why" to lower it):\n${lowered.map((line) => `  - ${line}`).join('\n')}\n`);
    return 1;
  }
  const baseline: Baseline = {
    about: 'Floors of `npm run eval` per mode and set, checked by test/eval/floors.test.ts. Regenerate with `npm run eval -- --write-baseline`; it only rises unless `--allow-lower "reason"` is given.',
    floors: floorsOf(totals),
    ...(lowered.length > 0 ? { lowered: { reason: allowLower!, totals: lowered } } : {}),
  };
  writeBaseline(baseline);
  for (const mode of MODES) process.stdout.write(`== ${MODE_LABELS[mode]} ==\n${setTable(results, mode)}\n\n`);
  process.stdout.write(`Wrote ${BASELINE_PATH}${lowered.length > 0 ? ` (lowered: ${allowLower})` : ''}.\n`);
  return 0;
}

/** Keys named on the command line keep the set they belong to; a key from elsewhere counts as a corpus key (or a negative). */
function chosenKeys(keyPaths: readonly string[]): KeyEntry[] {
  const known = new Map(discoverKeys().map((entry) => [entry.keyPath, entry]));
  return keyPaths.map((path) => known.get(resolve(path)) ?? readKey('corpus', resolve(path)));
}

function main(argv: readonly string[]): number {
  const option = (name: string) => argv.includes(name);
  const allowLowerAt = argv.indexOf('--allow-lower');
  const allowLower = allowLowerAt >= 0 ? argv[allowLowerAt + 1] : undefined;
  if (allowLowerAt >= 0 && (allowLower === undefined || allowLower.startsWith('--') || allowLower.trim() === '')) {
    process.stderr.write('--allow-lower needs a reason, e.g. --allow-lower "the gate now withholds fields of one-sided calls".\n');
    return 2;
  }
  const keyPaths = argv.filter((arg, at) => !arg.startsWith('--') && at !== allowLowerAt + 1);
  const writing = option('--write-baseline');
  if (writing && keyPaths.length > 0) {
    process.stderr.write('--write-baseline records every key; give no key paths.\n');
    return 2;
  }
  const modes: readonly Mode[] = writing || option('--vendor-from-key') ? MODES : ['inferred'];
  const entries = keyPaths.length > 0 ? chosenKeys(keyPaths) : discoverKeys();
  const results = entries.map((entry) => evaluateKey(entry, { modes, timed: !writing }));
  if (writing) return recordBaseline(results, allowLower);
  // Search is scored per meeting over every key's questions and the QMSum span queries (scripts/eval-search.ts).
  const search = keyPaths.length > 0 ? null : evaluateSearch();
  if (option('--json')) {
    const byMode = Object.fromEntries(
      modes.map((mode) => {
        const scores = results.map((result) => result.scores[mode]!);
        return [mode, { keys: results.map((result) => ({ set: result.entry.set, key: result.entry.name, buildMs: result.buildMs, score: result.scores[mode] })), sets: totalsBySet(results, [mode])[mode], fields: fieldQuality(scores), calibration: calibration(scores) }];
      }),
    );
    process.stdout.write(`${JSON.stringify(search ? { ...byMode, search } : byMode, null, 2)}\n`);
  } else {
    for (const mode of modes) process.stdout.write(`${report(results, mode)}\n`);
    if (search) process.stdout.write(`Search, top 5 per meeting:\n${formatSearchEvaluation(search, option('--misses'))}`);
  }
  if (!option('--strict')) return 0;
  const failures = [...modes.flatMap((mode) => strictFailures(results, mode).map((failure) => `${MODE_LABELS[mode]}: ${failure}`)), ...(search ? searchTargetFailures(search) : [])];
  if (failures.length > 0) process.stderr.write(`--strict: ${failures.length} target(s) missed:\n${failures.map((line) => `  - ${line}`).join('\n')}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
