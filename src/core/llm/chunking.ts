/**
 * Splitting a transcript for the model. Every turn is rendered as one line
 * (`T12 [04:49] Ana Silva: text`) so a model can cite it by number, and the
 * lines are packed into chunks at turn boundaries under a token budget, in
 * balanced sizes so parallel calls finish together. A turn longer than the
 * budget (a monologue, or a plain-text file without speakers, which is one
 * turn) is cut at word boundaries into parts; each part is a substring of the
 * turn, so quotes from it still match the turn.
 *
 * The rule for skipping the map step: a transcript of at most half a chunk's
 * budget fits one call comfortably, with room for the answer, and is read
 * and written in a single call.
 */

import { formatCitation } from '../transcript/timecode.js';
import type { PromptTurn } from './prompt-safety.js';
import { WITHHELD_TEXT } from './prompt-safety.js';
import { DEFAULT_CHUNK_TOKENS } from './chunk-budget.js';

export type CountTokens = (text: string) => number;

export interface TranscriptChunk {
  /** 0-based position among the chunks. */
  index: number;
  /** Rendered turn lines, in transcript order. */
  lines: string[];
  /** Turn indexes the chunk covers (a cut turn appears in more than one chunk). */
  turnIndexes: number[];
  tokens: number;
}

export interface ChunkPlan {
  /** `single-pass`: one call reads and writes everything; `map-reduce`: chunks are read in parallel, then sections written. */
  mode: 'single-pass' | 'map-reduce';
  chunks: TranscriptChunk[];
  /** Tokens of all rendered lines: what the model must read at least once. */
  totalTokens: number;
}

const MIN_CHUNK_TOKENS = 500;

/** `T12 [04:49] Ana Silva: text`; a part of a cut turn says so: `T12 (part 2/3) [04:49] …`. */
export function renderTurnLine(turn: PromptTurn, text: string = turn.withheld ? WITHHELD_TEXT : turn.text, part?: { n: number; of: number }): string {
  const label = part ? `T${turn.index} (part ${part.n}/${part.of})` : `T${turn.index}`;
  return `${label} ${formatCitation(turn.startMs, turn.index)} ${turn.speaker ?? '(no speaker)'}: ${text}`;
}

interface Line {
  text: string;
  turnIndex: number;
  tokens: number;
}

/** Cuts a long text at spaces into pieces of about `maxTokens` each (estimated from the text's own characters per token). */
function cutText(text: string, textTokens: number, maxTokens: number): string[] {
  const pieces = Math.ceil(textTokens / maxTokens);
  const targetChars = Math.ceil(text.length / pieces);
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + targetChars);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    out.push(text.slice(start, end).trim());
    start = end;
  }
  return out.filter((piece) => piece.length > 0);
}

function renderLines(turns: readonly PromptTurn[], countTokens: CountTokens, maxLineTokens: number): Line[] {
  const lines: Line[] = [];
  for (const turn of turns) {
    const whole = renderTurnLine(turn);
    const tokens = countTokens(whole);
    if (tokens <= maxLineTokens || turn.withheld) {
      lines.push({ text: whole, turnIndex: turn.index, tokens });
      continue;
    }
    const pieces = cutText(turn.text, tokens, maxLineTokens);
    pieces.forEach((piece, i) => {
      const text = renderTurnLine(turn, piece, { n: i + 1, of: pieces.length });
      lines.push({ text, turnIndex: turn.index, tokens: countTokens(text) });
    });
  }
  return lines;
}

/**
 * Plans the calls for a transcript: one chunk when it fits a single pass,
 * else balanced chunks of at most `chunkTokens` (give or take a line).
 */
export function planChunks(turns: readonly PromptTurn[], countTokens: CountTokens, chunkTokens: number = DEFAULT_CHUNK_TOKENS): ChunkPlan {
  const budget = Math.max(MIN_CHUNK_TOKENS, chunkTokens);
  const lines = renderLines(turns, countTokens, Math.floor(budget * 0.8));
  // Lines are joined by newlines: one token each.
  const totalTokens = lines.reduce((sum, line) => sum + line.tokens + 1, 0);
  if (totalTokens <= budget / 2) {
    return { mode: 'single-pass', chunks: lines.length === 0 ? [] : [toChunk(0, lines)], totalTokens };
  }
  const count = Math.ceil(totalTokens / budget);
  const target = Math.min(budget, (totalTokens / count) * 1.05);
  const chunks: TranscriptChunk[] = [];
  let current: Line[] = [];
  let currentTokens = 0;
  for (const line of lines) {
    if (current.length > 0 && currentTokens + line.tokens + 1 > target) {
      chunks.push(toChunk(chunks.length, current));
      current = [];
      currentTokens = 0;
    }
    current.push(line);
    currentTokens += line.tokens + 1;
  }
  if (current.length > 0) chunks.push(toChunk(chunks.length, current));
  return { mode: 'map-reduce', chunks, totalTokens };
}

function toChunk(index: number, lines: readonly Line[]): TranscriptChunk {
  return {
    index,
    lines: lines.map((line) => line.text),
    turnIndexes: [...new Set(lines.map((line) => line.turnIndex))],
    tokens: lines.reduce((sum, line) => sum + line.tokens + 1, 0),
  };
}
