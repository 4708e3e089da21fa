// Builds DOM from the renderer's element tree. Text becomes text nodes, attributes go
// through setAttribute: nothing the guideline says is ever parsed as markup.
import type { SvgElement } from '../../../server/src/render/element.js';

const svgNs = 'http://www.w3.org/2000/svg';

export function toDom(node: SvgElement, doc: Document = document): SVGElement {
  const element = doc.createElementNS(svgNs, node.tag);
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'xmlns') continue; // createElementNS already set the namespace
    element.setAttribute(name, String(value));
  }
  for (const child of node.children) element.appendChild(typeof child === 'string' ? doc.createTextNode(child) : toDom(child, doc));
  return element;
}
