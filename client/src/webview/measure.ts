// Text widths from the browser itself, in the font the panel really uses, so boxes fit
// their text whatever the editor's font. Cached: wrapping asks for the same words often.
import { fonts, estimateWidth, type Measure, type TextStyle } from '../../../server/src/render/text.js';

export function canvasMeasure(fontFamily: string): Measure {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateWidth;
  const cache = new Map<string, number>();
  return (text: string, style: TextStyle) => {
    const key = `${style}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      const font = fonts[style];
      context.font = `${font.bold ? 600 : 400} ${font.size}px ${fontFamily}`;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
