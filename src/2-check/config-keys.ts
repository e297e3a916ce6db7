// Check phase helper for gump.toml (language.md §22): where each key is written. smol-toml gives
// values without positions, so this scans the (already parsed) text for table headers, dotted
// keys and inline tables, and records the first occurrence of every key path.

export interface KeyPosition {
  /** 0-based offsets of the key segment as written (quotes included). */
  offset: number;
  endOffset: number;
}

/** Key path → position; the path is JSON of its segments: `["validation","timeout"]`. */
export type KeyPositions = Map<string, KeyPosition>;

export function pathId(path: readonly string[]): string {
  return JSON.stringify(path);
}

export function locateTomlKeys(text: string): KeyPositions {
  const found: KeyPositions = new Map();
  const s = new Scanner(text);
  let table: string[] = [];
  while (!s.done()) {
    s.skipBlank();
    if (s.done()) break;
    if (s.peek() === '[') {
      const array = s.text.startsWith('[[', s.i);
      s.i += array ? 2 : 1;
      const key = s.dottedKey();
      if (key) {
        table = key.path;
        record(found, [], key);
      }
    } else {
      const key = s.dottedKey();
      if (key && s.eat('=')) {
        record(found, table, key);
        s.value(found, [...table, ...key.path]);
      }
    }
    s.skipLine();
  }
  return found;
}

interface Key {
  path: string[];
  spans: KeyPosition[];
}

function record(found: KeyPositions, base: string[], key: Key): void {
  key.path.forEach((_, i) => {
    const id = pathId([...base, ...key.path.slice(0, i + 1)]);
    if (!found.has(id)) found.set(id, key.spans[i]!);
  });
}

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  done(): boolean {
    return this.i >= this.text.length;
  }
  peek(): string {
    return this.text[this.i] ?? '';
  }
  /** Spaces and tabs only. */
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }
  /** Whitespace, newlines and comments. */
  skipBlank(): void {
    for (;;) {
      while (/\s/.test(this.peek()) && !this.done()) this.i++;
      if (this.peek() !== '#') return;
      this.skipLine();
    }
  }
  skipLine(): void {
    const nl = this.text.indexOf('\n', this.i);
    this.i = nl < 0 ? this.text.length : nl + 1;
  }
  eat(c: string): boolean {
    this.skipSpaces();
    if (this.peek() !== c) return false;
    this.i++;
    return true;
  }

  dottedKey(): Key | undefined {
    const key: Key = { path: [], spans: [] };
    for (;;) {
      this.skipSpaces();
      const start = this.i;
      const seg = this.simpleKey();
      if (seg === undefined) return undefined;
      key.path.push(seg);
      key.spans.push({ offset: start, endOffset: this.i });
      this.skipSpaces();
      if (this.peek() !== '.') return key;
      this.i++;
    }
  }

  private simpleKey(): string | undefined {
    const c = this.peek();
    if (c === '"' || c === "'") return this.quoted(c);
    const m = /^[A-Za-z0-9_-]+/.exec(this.text.slice(this.i, this.i + 200));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** A one-line basic or literal string; returns its value. */
  private quoted(q: string): string {
    this.i++;
    let value = '';
    while (!this.done() && this.peek() !== q && this.peek() !== '\n') {
      if (q === '"' && this.peek() === '\\') {
        value += this.text[this.i + 1] ?? '';
        this.i += 2;
      } else value += this.text[this.i++];
    }
    this.i++;
    return value;
  }

  /** Skip one value; record the keys of inline tables under `path`. */
  value(found: KeyPositions, path: string[]): void {
    this.skipSpaces();
    const c = this.peek();
    if (c === '"' || c === "'") {
      const triple = c.repeat(3);
      if (this.text.startsWith(triple, this.i)) {
        const close = this.text.indexOf(triple, this.i + 3);
        this.i = close < 0 ? this.text.length : close + 3;
        while (this.peek() === c) this.i++;
      } else this.quoted(c);
    } else if (c === '[') {
      this.i++;
      for (;;) {
        this.skipBlank();
        if (this.done() || this.peek() === ']') break;
        this.value(found, path);
        this.skipBlank();
        if (this.peek() === ',') this.i++;
        else if (this.peek() !== ']') break;
      }
      this.i++;
    } else if (c === '{') {
      this.i++;
      for (;;) {
        this.skipSpaces();
        if (this.done() || this.peek() === '}') break;
        const key = this.dottedKey();
        if (!key || !this.eat('=')) break;
        record(found, path, key);
        this.value(found, [...path, ...key.path]);
        this.skipSpaces();
        if (this.peek() === ',') this.i++;
      }
      this.i++;
    } else {
      while (!this.done() && !/[\s,\]}#]/.test(this.peek())) this.i++;
    }
  }
}
