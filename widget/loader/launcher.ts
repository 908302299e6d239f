/**
 * The launcher button in a shadow-rooted host, as `widget.js` draws it (closed, no panel yet). Plain DOM, no
 * framework, CSP-safe: styles go in a constructed stylesheet (adoptedStyleSheets, not subject to CSP
 * `style-src`) when the browser has them, else a <style> element; colours are set through the CSSOM.
 * The panel, the open state and the badge's count are `panel.ts`'s (the loader's second part).
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
  wrap: HTMLElement;
  button: HTMLButtonElement;
  /** Created with the first unread count. */
  badge?: HTMLElement;
  /** Created at the first open. */
  panel?: HTMLElement;
}

// The icon is CSS (a speech bubble; panel.ts makes it a caret while open), fewer bytes than an SVG.
const CSS = `:host{all:initial}.b{position:fixed;z-index:2147483000;right:20px;bottom:20px;width:56px;height:56px;border:0;border-radius:50%;padding:0;cursor:pointer;display:grid;place-items:center;background:var(--c);color:var(--t);box-shadow:0 4px 24px #0004}.l .b{right:auto;left:20px}.b:focus-visible{outline:3px solid var(--c);outline-offset:3px}.i{width:24px;height:20px;border-radius:10px 10px 10px 2px;background:currentColor}`;

/** Creates `tag` with a class and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  for (const name in attributes) node.setAttribute(name, attributes[name] as string);
  return node;
}

/** Adds `css` to the shadow root as a constructed stylesheet (not subject to the host's CSP `style-src`). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = root.adoptedStyleSheets.concat(sheet);
}

/** Draws the closed launcher into `doc.body` and returns its elements. */
export function createLauncher(doc: Document, look: LauncherLook, onClick: () => void): Launcher {
  const host = el(doc, 'div', '', { 'data-frontdesk': '' });
  host.style.setProperty('--c', look.color);
  host.style.setProperty('--t', textColorOn(look.color));
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, CSS);

  const wrap = el(doc, 'div', look.position === 'left' ? 'l' : '');
  // The accessible name stays exactly "Open messenger" (an unread count becomes its description).
  const button = el(doc, 'button', 'b', { type: 'button', 'aria-label': 'Open messenger', 'aria-expanded': 'false' });
  button.appendChild(el(doc, 'span', 'i'));
  button.addEventListener('click', onClick);
  wrap.appendChild(button);
  root.appendChild(wrap);
  doc.body.appendChild(host);
  return { host, root, wrap, button };
}
