// Every piece of text a person would see on the page, as Chromium laid it out and painted it; run through
// WebDriver's executeScript, returns a JSON string (a list, one entry per element with text of its own):
//   where    the element, e.g. "span.badge.status-fail in #scn-ARC-_4_"
//   text     its own text, trimmed, at most 60 characters
//   boxes    its text's line boxes [x, y, width, height] in CSS pixels, page coordinates
//   problems what keeps it from being seen: "not rendered", "invisible", "clipped by ...", "past the page's
//            right edge"
//   samples  per probe point on the text (left, middle, right of each line box): the foreground colour
//            (color, or fill for SVG text) with its alpha, and every paint under the point from the bottom up
//            (HTML backgrounds, SVG fills and strokes), each a CSS colour string with an alpha; the Java side
//            composites them (SrgbColour) and computes the WCAG contrast.
// Closed <details> are opened first, as a reader would open them. It only reads the page; it changes nothing
// but the scroll position and the open state of <details>.
return (function () {
  for (const d of document.querySelectorAll('details')) {
    d.open = true;
  }
  const SKIP = new Set(['HEAD', 'STYLE', 'SCRIPT', 'TITLE', 'NOSCRIPT', 'TEMPLATE', 'DESC', 'METADATA']);
  const isSvg = el => el instanceof SVGElement;
  const where = el => {
    const name = el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('');
    const owner = el.parentElement ? el.parentElement.closest('[id]') : null;
    return owner ? name + ' in #' + owner.id : name;
  };
  const opacity = el => Number(getComputedStyle(el).opacity);
  const paints = (el, x, y) => {
    // what el paints at (x, y) as a background for text above it, as [colour, alpha] pairs, bottom first
    const cs = getComputedStyle(el);
    if (isSvg(el)) {
      if (el instanceof SVGTextContentElement || !(el instanceof SVGGeometryElement)) {
        return el instanceof SVGSVGElement ? [[cs.backgroundColor, opacity(el)]] : [];
      }
      const local = new DOMPoint(x, y).matrixTransform(el.getScreenCTM().inverse());
      const out = [];
      if (cs.fill !== 'none' && el.isPointInFill(local)) {
        out.push([cs.fill, Number(cs.fillOpacity) * opacity(el)]);
      }
      if (cs.stroke !== 'none' && el.isPointInStroke(local)) {
        out.push([cs.stroke, Number(cs.strokeOpacity) * opacity(el)]);
      }
      return out;
    }
    return [[cs.backgroundColor, opacity(el)]];
  };
  const clippedBy = (el, box) => {
    for (let a = el.parentElement; a; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === 'visible' && cs.overflowY === 'visible') {
        continue;
      }
      const r = a.getBoundingClientRect();
      if (box.left < r.left - 1 || box.right > r.right + 1 || box.top < r.top - 1 || box.bottom > r.bottom + 1) {
        return where(a);
      }
    }
    return null;
  };

  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT);
  for (let el = walker.currentNode; el; el = walker.nextNode()) {
    if (SKIP.has(el.tagName.toUpperCase()) || el.closest('title, style, script')) {
      continue;
    }
    const own = [...el.childNodes].filter(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
    if (own.length > 0) {
      found.push({el, own});
    }
  }

  window.scrollTo(0, 0);
  const pageWidth = document.documentElement.clientWidth;
  const entries = [];
  const probes = [];
  for (const {el, own} of found) {
    const cs = getComputedStyle(el);
    const e = {
      where: where(el),
      text: own.map(n => n.textContent.trim()).join(' ').replace(/\s+/g, ' ').slice(0, 60),
      boxes: [], problems: [], samples: []
    };
    entries.push(e);
    const rects = [];
    for (const n of own) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && r.height > 0) {
          rects.push(r);
        }
      }
    }
    if (rects.length === 0) {
      e.problems.push('not rendered (no line box)');
      continue;
    }
    if (cs.visibility !== 'visible' || Number(cs.opacity) === 0) {
      e.problems.push('invisible (visibility ' + cs.visibility + ', opacity ' + cs.opacity + ')');
    }
    for (const r of rects) {
      e.boxes.push([r.left + scrollX, r.top + scrollY, r.width, r.height]);
      const clip = clippedBy(el, r);
      if (clip) {
        e.problems.push('clipped by ' + clip);
      }
      if (r.right > pageWidth + 1) {
        e.problems.push('past the page\'s right edge (' + Math.round(r.right) + ' > ' + pageWidth + ' px)');
      }
      for (const f of [0.2, 0.5, 0.8]) {
        probes.push({e, el, x: r.left + scrollX + r.width * f, y: r.top + scrollY + r.height / 2});
      }
    }
  }

  // a point is probed only well inside the viewport (its height is fractional, hit-testing stops short of it)
  const viewHeight = document.documentElement.clientHeight;
  probes.sort((a, b) => a.y - b.y);
  for (const p of probes) {
    if (p.y - scrollY < 2 || p.y - scrollY > viewHeight - 2) {
      window.scrollTo(0, Math.max(0, p.y - viewHeight / 2));
    }
    const x = p.x - scrollX;
    const y = p.y - scrollY;
    const stack = document.elementsFromPoint(x, y);
    if (stack.length === 0) {
      p.e.problems.push('nothing to hit at (' + Math.round(p.x) + ', ' + Math.round(p.y) + ') on the page');
      continue;
    }
    const at = stack.indexOf(p.el);
    const below = (at < 0 ? stack : stack.slice(at)).reverse();
    const layers = [];
    for (const el of below) {
      for (const [colour, alpha] of paints(el, x, y)) {
        layers.push({colour, alpha});
      }
    }
    const cs = getComputedStyle(p.el);
    const svgText = p.el instanceof SVGTextContentElement;
    p.e.samples.push({
      foreground: svgText ? cs.fill : cs.color,
      foregroundAlpha: (svgText ? Number(cs.fillOpacity) : 1) * Number(cs.opacity),
      layers
    });
  }
  window.scrollTo(0, 0);
  return JSON.stringify(entries);
})();
