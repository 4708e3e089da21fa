// Export of the tree as it looks now: an SVG file in the current theme's resolved colours
// (CSS variables mean nothing outside the editor), and a PNG rasterised from that SVG on a
// canvas, handed to the extension as base64.
import type { DecisionTreeResult } from '../../../server/src/protocol.js';
import type { Scene } from '../../../server/src/render/layout.js';
import { paintScene } from '../../../server/src/render/paint.js';
import { resolvedPalette } from '../../../server/src/render/palette.js';
import { serializeSvg, treeHeading } from '../../../server/src/render/svg.js';
import type { Measure } from '../../../server/src/render/text.js';
import type { ViewScene } from '../../../server/src/render/view-layout.js';
import { paintView, printHeading, printPalette } from '../../../server/src/render/view-paint.js';
import { viewNotes } from '../../../server/src/render/svg.js';

export function exportSvg(scene: Scene, result: DecisionTreeResult, fontFamily: string, measure: Measure): string {
  const style = getComputedStyle(document.documentElement);
  const root = paintScene(scene, {
    palette: resolvedPalette((variable) => style.getPropertyValue(`--${variable}`)),
    fontFamily,
    background: true,
    interactive: false,
    titles: true,
    heading: treeHeading(result),
    measure,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}

/**
 * The view as it is drawn now, for print: the light print palette whatever the editor's
 * theme, with the title, the population and the GRADE legend.
 */
export function exportViewSvg(scene: ViewScene, result: DecisionTreeResult, fontFamily: string, measure: Measure): string {
  const view = result.view;
  const root = paintView(scene, {
    palette: printPalette,
    fontFamily,
    background: true,
    interactive: false,
    titles: true,
    heading: printHeading(view?.title ?? 'Decision tree', view?.population?.text, viewNotes(result)),
    measure,
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeSvg(root)}\n`;
}

/** Browsers cap a canvas near 16k pixels a side and a few hundred megapixels in all. */
const maxSide = 16384;
const maxPixels = 120e6;

export function pngScale(width: number, height: number): number {
  return Math.min(2, maxSide / width, maxSide / height, Math.sqrt(maxPixels / (width * height)));
}

/** Rasterises an SVG document; resolves to the PNG's bytes as base64. */
export async function svgToPngBase64(svg: string): Promise<string> {
  const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  const width = Number(size?.[1] ?? 0);
  const height = Number(size?.[2] ?? 0);
  if (!(width > 0 && height > 0)) throw new Error('The drawing has no size');
  const scale = pngScale(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No 2D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const dataUrl = canvas.toDataURL('image/png');
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } finally {
    URL.revokeObjectURL(url);
  }
}
