// WCAG contrast of text as the browser paints it: the element's computed colour against the first opaque background
// behind it (its own or an ancestor's; the page's when none is set). For checks such as "text ≥ 4.5:1 in every theme".

/**
 * The contrast ratio (1–21) of the text of the first element `locator` matches.
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<number>}
 */
export async function textContrast(locator) {
  return locator.first().evaluate((el) => {
    const rgba = (css) => {
      const m = css.match(/rgba?\(([^)]+)\)/);
      if (!m) return [0, 0, 0, 0];
      const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
      return [Number(r), Number(g), Number(b), Number(a)];
    };
    const luminance = ([r, g, b]) => {
      const lin = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    let bg = [255, 255, 255, 1];
    for (let node = el; node; node = node.parentElement) {
      const c = rgba(node.ownerDocument.defaultView.getComputedStyle(node).backgroundColor);
      if (c[3] >= 0.99) {
        bg = c;
        break;
      }
    }
    const fg = rgba(el.ownerDocument.defaultView.getComputedStyle(el).color);
    // A translucent text colour is blended over its background, as it is painted.
    const a = fg[3];
    const painted = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
    const [hi, lo] = [luminance(painted), luminance(bg)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  });
}
