/**
 * plotly.js writes its stylesheet (the mode bar, hover labels, the drag cursors) as rules into `<style
 * id="plotly.js-style-…">` elements of the document's head, which do not reach into a shadow root. This copies
 * those rules into one constructed stylesheet that shadow roots adopt, so a plot drawn inside a widget looks as
 * plotly means it to.
 */

const STYLE_PREFIX = 'plotly.js-style-';

let mirror: CSSStyleSheet | undefined;
let mirroredText = '';

/** The text of plotly's rules in the document's head (its global sheet and one per mode bar). */
function plotlyRulesText(): string {
  const parts: string[] = [];
  for (const style of document.head.querySelectorAll<HTMLStyleElement>(`style[id^="${STYLE_PREFIX}"]`)) {
    const sheet = style.sheet;
    if (!sheet) continue;
    for (const rule of Array.from(sheet.cssRules)) parts.push(rule.cssText);
  }
  return parts.join('\n');
}

/**
 * Makes `root` (a shadow root) use plotly's current rules: call it after each draw, since plotly adds rules as
 * it draws (a mode bar's colours appear with its first plot). One stylesheet is shared by every root and
 * refreshed only when plotly's rules changed. Does nothing where constructed stylesheets are not supported.
 */
export function adoptPlotlyStyles(root: Node): void {
  if (
    !(root instanceof ShadowRoot) ||
    typeof CSSStyleSheet !== 'function' ||
    !('replaceSync' in CSSStyleSheet.prototype)
  )
    return;
  const text = plotlyRulesText();
  if (!mirror) mirror = new CSSStyleSheet();
  if (text !== mirroredText) {
    mirror.replaceSync(text);
    mirroredText = text;
  }
  if (!root.adoptedStyleSheets.includes(mirror)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, mirror];
}
