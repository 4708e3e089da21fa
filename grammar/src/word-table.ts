// The words of one text, looked up by their place in it: a word seen before (or a
// keyword) is found without cutting it out of the text, so a file of a million characters
// makes one string per distinct word instead of one per token, and no short-lived ones.
import type { TokenType } from 'chevrotain';

/** What a spelling lexes as, and the one string kept for it. */
export interface Word {
  readonly type: TokenType;
  readonly image: string;
}

/** The hash `WordTable.find` expects, one char code at a time from 0. */
export const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** Open addressing over a power-of-two table, at most half full. */
export class WordTable {
  private hashes: Int32Array;
  private words: (Word | undefined)[];
  private size = 0;

  constructor(capacity = 256) {
    this.hashes = new Int32Array(capacity);
    this.words = new Array<Word | undefined>(capacity).fill(undefined);
  }

  /** A table of its own that starts with this one's words (the keywords, for each text). */
  copy(): WordTable {
    const t = new WordTable(0);
    t.hashes = this.hashes.slice();
    t.words = this.words.slice();
    t.size = this.size;
    return t;
  }

  add(type: TokenType, image: string): void {
    this.insert(hashOf(image), { type, image });
  }

  /**
   * The word spelled `text[start, end)` (whose hash is `hash`); one of type `type`, added,
   * when it is new.
   */
  find(text: string, start: number, end: number, hash: number, type: TokenType): Word {
    const mask = this.words.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const w = this.words[slot];
      if (w === undefined) break;
      if (this.hashes[slot] === hash && w.image.length === length && text.startsWith(w.image, start)) return w;
    }
    const word = { type, image: text.slice(start, end) };
    this.insert(hash, word);
    return word;
  }

  private insert(hash: number, word: Word): void {
    if (2 * (this.size + 1) > this.words.length) this.grow();
    const mask = this.words.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.words[slot] = word;
    this.hashes[slot] = hash;
    this.size++;
  }

  private grow(): void {
    const old = this.words;
    const oldHashes = this.hashes;
    this.words = new Array<Word | undefined>(old.length * 2).fill(undefined);
    this.hashes = new Int32Array(old.length * 2);
    this.size = 0;
    old.forEach((w, i) => {
      if (w) this.insert(oldHashes[i], w);
    });
  }
}
