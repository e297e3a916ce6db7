// Line/column arithmetic over one source text (parse phase): offsets → 1-based positions.

import type { Span } from './located.js';

export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line and column of a 0-based offset. */
  pos(offset: number): { line: number; col: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - this.lineStarts[lo]! + 1 };
  }

  span(offset: number, endOffset: number): Span {
    const a = this.pos(offset);
    const b = this.pos(Math.max(offset, endOffset));
    return { line: a.line, col: a.col, endLine: b.line, endCol: b.col, offset, endOffset: Math.max(offset, endOffset) };
  }

  /** Text of 1-based line `n`, without its line break. */
  lineText(n: number): string {
    const start = this.lineStarts[n - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[n];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  /** 0-based offset of column 1 of 1-based line `n`. */
  lineOffset(n: number): number {
    if (n > this.lineStarts.length) return this.text.length;
    return this.lineStarts[Math.max(0, n - 1)] ?? 0;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}

/** The first span of a file: line 1, column 1. */
export const FILE_START: Span = { line: 1, col: 1, endLine: 1, endCol: 1, offset: 0, endOffset: 0 };
