/**
 * The loader's DOM: a shadow-rooted host with the launcher button, its unread badge, and the panel that holds
 * the messenger iframe. Plain DOM, no framework, CSP-safe: styles go in a constructed stylesheet
 * (adoptedStyleSheets) when the browser has them, else a <style> element; colours are set through the CSSOM.
 */
import { textColorOn } from '../color';

/** What the loader knows of the site's look before the messenger loads. */
export interface LauncherLook {
  color: string;
  position: 'right' | 'left';
}

/** Handles to the elements the loader updates. */
export interface Launcher {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  icon: SVGPathElement;
}

// Under 480px the panel fills the screen but for a strip at the bottom that keeps the launcher (named
// "Close messenger" while open) visible and usable, so the same control closes the messenger everywhere.
const CSS = `:host{all:initial}
[hidden]{display:none!important}
.b,.p{position:fixed;z-index:2147483000;right:20px}
.l .b,.l .p{right:auto;left:20px}
.b{bottom:20px;width:56px;height:56px;border:0;border-radius:50%;padding:0;cursor:pointer;display:flex;align-items:center;justify-content:center;background:var(--c);color:var(--t);box-shadow:0 4px 24px #0004}
.b:focus-visible{outline:3px solid var(--c);outline-offset:3px}
.b svg{width:28px;height:28px;fill:currentColor}
.u{position:absolute;top:-4px;right:-4px;min-width:12px;padding:0 4px;border-radius:10px;background:#dc2626;color:#fff;font:700 12px/20px sans-serif}
.p{bottom:88px;width:380px;height:600px;max-height:calc(100vh - 108px);border-radius:16px;overflow:hidden;background:#fff;box-shadow:0 4px 24px #0004}
.p iframe{width:100%;height:100%;border:0;display:block}
@media (max-width:480px){.p,.l .p{inset:0 0 76px;width:auto;height:auto;max-height:none;border-radius:0 0 16px 16px}.b{bottom:10px}}`;

/** Chat bubble (closed) and a down-pointing caret (open), 24×24 viewBox. */
const ICON_CLOSED = 'M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2z';
const ICON_OPEN = 'M6 9l6 7 6-7z';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  return node;
}

function adoptStyles(doc: Document, root: ShadowRoot): void {
  try {
    // Constructed stylesheets are not subject to CSP style-src, so this works under a strict policy.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Older browsers: fall back to a <style> element (needs style-src to allow it).
  }
  const style = el(doc, 'style');
  style.textContent = CSS;
  root.appendChild(style);
}

/** Draws the launcher into `doc.body` and returns its elements. */
export function createLauncher(doc: Document, look: LauncherLook, onClick: () => void): Launcher {
  const host = el(doc, 'div');
  host.setAttribute('data-frontdesk', '');
  host.style.setProperty('--c', look.color);
  host.style.setProperty('--t', textColorOn(look.color));
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, root);

  const wrap = el(doc, 'div', look.position === 'left' ? 'l' : '');
  const panel = el(doc, 'div', 'p');
  panel.id = 'fd-panel';
  panel.hidden = true;

  const button = el(doc, 'button', 'b');
  button.type = 'button';
  button.setAttribute('aria-controls', panel.id);
  button.setAttribute('aria-describedby', 'fd-unread');

  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = doc.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const icon = doc.createElementNS(svgNs, 'path');
  svg.appendChild(icon);

  // The accessible name stays exactly "Open messenger"; the count is the button's description instead.
  const badge = el(doc, 'span', 'u');
  badge.id = 'fd-unread';
  badge.setAttribute('aria-hidden', 'true');

  button.append(svg, badge);
  button.addEventListener('click', onClick);
  wrap.append(panel, button);
  root.appendChild(wrap);
  doc.body.appendChild(host);
  return { host, root, button, badge, panel, icon };
}

/** Brings the launcher in line with the open state and unread count. */
export function renderLauncher(ui: Launcher, open: boolean, unread: number): void {
  ui.button.setAttribute('aria-label', open ? 'Close messenger' : 'Open messenger');
  ui.button.setAttribute('aria-expanded', String(open));
  ui.icon.setAttribute('d', open ? ICON_OPEN : ICON_CLOSED);
  ui.panel.hidden = !open;
  const show = unread > 0 && !open;
  ui.badge.hidden = !show;
  ui.badge.textContent = show ? (unread > 99 ? '99+' : String(unread)) : '';
}

/** Adds the messenger iframe to the panel (first open only). */
export function createFrame(doc: Document, ui: Launcher, src: string): HTMLIFrameElement {
  const frame = el(doc, 'iframe');
  frame.title = 'Messenger';
  frame.src = src;
  ui.panel.appendChild(frame);
  return frame;
}
