// The hover card of a recommendation: its statement's title, text and citations, fetched
// through the extension (the language server knows them); over the rest of a leaf, an
// example patient of that leaf. Built with text nodes only.
import type { LeafNode, LeafRecommendation, StatementDetails } from '../../../server/src/protocol.js';
import { leafFlag, recommendationSummary } from '../../../server/src/render/labels.js';

const maxText = 700;
const maxCitations = 6;
const hoverDelay = 250;

export type DetailsSource = (statement: string) => Promise<StatementDetails | undefined>;

export class StatementTooltip {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private showing: object | undefined;

  constructor(
    private readonly element: HTMLElement,
    private readonly details: DetailsSource,
  ) {}

  /** Shows the card for `rec` near the pointer after a short delay. */
  hoverStart(rec: LeafRecommendation, clientX: number, clientY: number): void {
    this.schedule(rec, clientX, clientY, () => {
      this.render(rec, undefined);
      void this.details(rec.statement).then((d) => {
        if (this.showing === rec) this.render(rec, d);
      });
    });
  }

  /** Over a leaf but not a recommendation: an example patient, when the tree gives one. */
  hoverLeaf(leaf: LeafNode, clientX: number, clientY: number): void {
    if (!leaf.example) {
      this.hide();
      return;
    }
    const example = leaf.example;
    this.schedule(leaf, clientX, clientY, () => {
      const doc = this.element.ownerDocument;
      const title = doc.createElement('div');
      title.className = 'tip-title';
      title.textContent = leafFlag(leaf) ?? 'Patients in this leaf';
      const line = doc.createElement('div');
      line.className = 'tip-text';
      line.textContent = `For example: ${example}`;
      this.element.replaceChildren(title, line);
      this.element.hidden = false;
    });
  }

  hide(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.showing = undefined;
    this.element.hidden = true;
  }

  private schedule(key: object, clientX: number, clientY: number, show: () => void): void {
    if (this.showing === key) return;
    this.hide();
    this.showing = key;
    this.timer = setTimeout(() => {
      show();
      this.place(clientX, clientY);
    }, hoverDelay);
  }

  private render(rec: LeafRecommendation, details: StatementDetails | undefined): void {
    const doc = this.element.ownerDocument;
    const block = (tag: string, cls: string, text: string): HTMLElement => {
      const e = doc.createElement(tag);
      e.className = cls;
      e.textContent = text;
      return e;
    };
    const title = details?.title ?? rec.statementTitle;
    const parts: HTMLElement[] = [block('div', 'tip-title', title ? `${rec.statement} · ${title}` : rec.statement)];
    parts.push(block('div', 'tip-summary', recommendationSummary(rec)));
    if (details?.text) {
      const text = details.text.replace(/\s+/g, ' ').trim();
      parts.push(block('div', 'tip-text', text.length > maxText ? `${text.slice(0, maxText)}…` : text));
    } else if (!details) {
      parts.push(block('div', 'tip-muted', 'Loading the statement…'));
    }
    if (details && details.citations.length > 0) {
      const list = doc.createElement('ul');
      list.className = 'tip-citations';
      for (const c of details.citations.slice(0, maxCitations)) list.appendChild(block('li', '', c));
      if (details.citations.length > maxCitations) list.appendChild(block('li', 'tip-muted', `and ${details.citations.length - maxCitations} more`));
      parts.push(block('div', 'tip-heading', 'Cites'), list);
    }
    this.element.replaceChildren(...parts);
    this.element.hidden = false;
  }

  private place(clientX: number, clientY: number): void {
    const view = this.element.ownerDocument.documentElement;
    const { width, height } = this.element.getBoundingClientRect();
    const x = Math.min(clientX + 14, view.clientWidth - width - 8);
    const y = clientY + 16 + height > view.clientHeight ? clientY - height - 12 : clientY + 16;
    this.element.style.left = `${Math.max(4, x)}px`;
    this.element.style.top = `${Math.max(4, y)}px`;
  }
}
