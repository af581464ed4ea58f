/**
 * Sits between stdin and the SDK's stdio transport and hands it one whole
 * JSON-RPC line at a time, up to `maxMessageBytes`. A longer line is never
 * buffered: its bytes are dropped as they arrive, keeping only its first and
 * last few KiB, from which `requestIdOfOversizeLine` reads the request id so
 * the request can still be answered. Without this the transport closes itself
 * at its fixed 10 MB buffer and the server goes deaf. Handing over whole lines
 * also spares the transport's buffer from re-copying a large message for every
 * 64 KiB chunk of it.
 */

import { Transform, type TransformCallback } from 'node:stream';

/** How much of each end of an over-size line is kept to find its id. */
const KEPT_EDGE_BYTES = 4096;
const NEWLINE = 0x0a;

export type RequestId = string | number;

export interface OversizeLine {
  /** Bytes in the line, its newline excluded. */
  bytes: number;
  /** The request id, when one of the line's ends shows it. */
  id: RequestId | undefined;
}

export class StdioMessageGuard extends Transform {
  private readonly parts: Buffer[] = [];
  private lineBytes = 0;
  private oversize = false;
  private head: Buffer = Buffer.alloc(0);
  private tail: Buffer = Buffer.alloc(0);

  constructor(
    private readonly maxMessageBytes: number,
    private readonly onOversize: (line: OversizeLine) => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, start);
      const end = newline === -1 ? chunk.length : newline;
      this.collect(chunk.subarray(start, end));
      if (newline === -1) break;
      this.endLine();
      start = newline + 1;
    }
    callback();
  }

  private collect(piece: Buffer): void {
    this.lineBytes += piece.length;
    if (!this.oversize && this.lineBytes > this.maxMessageBytes) {
      this.oversize = true;
      const line = Buffer.concat([...this.parts, piece]);
      this.parts.length = 0;
      // Copies, so the line read so far can be freed.
      this.head = Buffer.from(line.subarray(0, KEPT_EDGE_BYTES));
      this.tail = Buffer.from(line.subarray(Math.max(0, line.length - KEPT_EDGE_BYTES)));
    } else if (this.oversize) {
      this.tail = lastBytes(this.tail, piece);
    } else {
      this.parts.push(piece);
    }
  }

  private endLine(): void {
    if (this.oversize) {
      this.onOversize({ bytes: this.lineBytes, id: requestIdOfOversizeLine(this.head.toString('utf8'), this.tail.toString('utf8')) });
    } else {
      this.parts.push(Buffer.from([NEWLINE]));
      this.push(Buffer.concat(this.parts));
    }
    this.parts.length = 0;
    this.lineBytes = 0;
    this.oversize = false;
    this.head = Buffer.alloc(0);
    this.tail = Buffer.alloc(0);
  }
}

function lastBytes(kept: Buffer, piece: Buffer): Buffer {
  if (piece.length >= KEPT_EDGE_BYTES) return Buffer.from(piece.subarray(piece.length - KEPT_EDGE_BYTES));
  const joined = Buffer.concat([kept, piece]);
  return joined.length > KEPT_EDGE_BYTES ? joined.subarray(joined.length - KEPT_EDGE_BYTES) : joined;
}

const ID_VALUE = String.raw`(-?\d+|"(?:[^"\\]|\\.)*")`;
/**
 * The id as the last member (the SDK clients write `{method, params, jsonrpc, id}`). In JSON an
 * unescaped `"` right after `,` or `{` can only open a key, so this never matches inside a string,
 * and the closing brace that ends the line is the outermost one.
 */
const ID_AT_END = new RegExp(String.raw`[,{]\s*"id"\s*:\s*${ID_VALUE}\s*\}\s*$`);
/** A leading run of members with plain values, as in `{"jsonrpc":"2.0","id":7,"method":…`. */
const LEADING_MEMBER = new RegExp(String.raw`\s*"((?:[^"\\]|\\.)*)"\s*:\s*(${ID_VALUE.slice(1, -1)}|true|false|null)\s*,`, 'y');

/** Reads a top-level `id` from the two ends of a JSON-RPC line too long to parse; undefined when neither shows it. */
export function requestIdOfOversizeLine(head: string, tail: string): RequestId | undefined {
  const atEnd = ID_AT_END.exec(tail);
  if (atEnd) return parseId(atEnd[1]!);
  const start = head.indexOf('{');
  if (start === -1 || head.slice(0, start).trim() !== '') return undefined;
  LEADING_MEMBER.lastIndex = start + 1;
  for (let member = LEADING_MEMBER.exec(head); member; member = LEADING_MEMBER.exec(head)) {
    if (member[1] === 'id') return parseId(member[2]!);
  }
  return undefined;
}

function parseId(literal: string): RequestId | undefined {
  let value: unknown;
  try {
    value = JSON.parse(literal);
  } catch {
    return undefined;
  }
  return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value)) ? value : undefined;
}
