// The page around the drawing: the decision picker and title, the errors banner, the empty
// state and the toolbar buttons. Every text goes in through textContent.
import type { DecisionTreeResult } from '../../../server/src/protocol.js';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The preview page lacks #${id}`);
  return element as T;
}

export class Chrome {
  readonly select = byId<HTMLSelectElement>('decision');
  readonly viewport = byId<HTMLDivElement>('viewport');
  readonly tooltip = byId<HTMLDivElement>('tooltip');
  readonly zoomIn = byId<HTMLButtonElement>('zoom-in');
  readonly zoomOut = byId<HTMLButtonElement>('zoom-out');
  readonly fit = byId<HTMLButtonElement>('fit');
  readonly exportSvg = byId<HTMLButtonElement>('export-svg');
  readonly exportPng = byId<HTMLButtonElement>('export-png');
  private readonly picker = this.select.parentElement as HTMLElement;
  private readonly title = byId<HTMLSpanElement>('title');
  private readonly banner = byId<HTMLDivElement>('banner');
  private readonly empty = byId<HTMLDivElement>('empty');
  readonly outside = byId<HTMLButtonElement>('outside');
  private readonly population = byId<HTMLDivElement>('population');
  private readonly populationText = byId<HTMLSpanElement>('population-text');

  /** The decision's population as a banner, with the button to what holds outside it. */
  showPopulation(text: string | undefined, hasOutside: boolean, showingOutside: boolean): void {
    this.population.hidden = text === undefined;
    this.populationText.textContent = text === undefined ? '' : showingOutside ? `Outside the population: not (${text})` : `Population: ${text}`;
    this.outside.hidden = !hasOutside;
    this.outside.textContent = showingOutside ? 'Back to the population' : 'Outside…';
  }

  /** Fills the picker and title, and raises the errors banner, for a new result. */
  showResult(result: DecisionTreeResult): void {
    const options = result.decisions.map((d) => {
      const option = document.createElement('option');
      option.value = d.name;
      option.textContent = d.title ? `${d.title} (${d.name})` : d.name;
      return option;
    });
    this.select.replaceChildren(...options);
    if (result.decision) this.select.value = result.decision.name;
    this.picker.hidden = result.decisions.length < 2;
    const name = result.decision ? (result.decision.title ?? result.decision.name) : 'All rules';
    this.title.textContent = result.decisions.length < 2 ? name : '';
    const notes = [
      result.hasErrors ? 'This file has errors: the tree shows the rules that parse.' : undefined,
      result.truncated ? 'The tree reached its size limit: some leaves are cut short.' : undefined,
      result.view?.folded.note,
    ].filter((n): n is string => n !== undefined);
    this.setBanner(notes.length > 0 ? notes.join(' ') : undefined);
  }

  setBanner(text: string | undefined, kind: 'warning' | 'error' = 'warning'): void {
    this.banner.textContent = text ?? '';
    this.banner.className = kind;
    this.banner.hidden = text === undefined;
  }

  /** Shows a message instead of a drawing, or hides it (undefined). */
  setEmpty(text: string | undefined): void {
    this.empty.textContent = text ?? '';
    this.empty.hidden = text === undefined;
    for (const b of [this.zoomIn, this.zoomOut, this.fit, this.exportSvg, this.exportPng]) b.disabled = text !== undefined;
  }

  /** What the page is doing, for tests and for styling: loading, ready, empty, failed. */
  setState(state: 'loading' | 'ready' | 'empty' | 'failed'): void {
    document.body.dataset.state = state;
  }
}
