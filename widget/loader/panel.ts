/**
 * The launcher's open state: the panel that holds the messenger iframe (created at the first open), the
 * button's name and icon, and the unread badge. Under 640 px the panel fills the screen above a strip that
 * keeps the launcher (named "Close messenger" while open) visible, sized to the visual viewport so the
 * on-screen keyboard never covers the messenger's composer, and the page behind does not scroll.
 */
import { adoptStyles, el, type Launcher } from './launcher';

const CSS = `[hidden]{display:none!important}.o .i{width:12px;height:12px;border-radius:0;background:none;border:solid currentColor;border-width:0 3px 3px 0;transform:rotate(45deg)}
.u{position:absolute;top:-4px;right:-4px;min-width:12px;padding:0 4px;border-radius:10px;background:#b91c1c;color:#fff;font:700 12px/20px sans-serif}
.p{position:fixed;z-index:2147483000;right:20px;bottom:88px;width:380px;height:600px;max-height:calc(100vh - 108px);border-radius:16px;overflow:hidden;background:Canvas;box-shadow:0 4px 24px #0004}
.l .p{right:auto;left:20px}.p iframe{width:100%;height:100%;border:0;display:block;color-scheme:normal}
@media (max-width:640px){.p,.l .p{inset:0 0 calc(76px + env(safe-area-inset-bottom));top:var(--vt,0);width:auto;height:var(--vh,auto);max-height:none;border-radius:0 0 16px 16px}.b{bottom:calc(10px + env(safe-area-inset-bottom))}}`;

/** The strip under the panel on phones: the launcher's height and margins. */
const STRIP_PX = 76;

/** Brings the launcher in line with the open state and unread count. */
export function renderLauncher(ui: Launcher, open: boolean, unread: number): void {
  ui.button.setAttribute('aria-label', open ? 'Close messenger' : 'Open messenger');
  ui.button.setAttribute('aria-expanded', String(open));
  ui.wrap.classList.toggle('o', open);
  if (ui.panel) ui.panel.hidden = !open;
  const show = unread > 0 && !open;
  if (show && !ui.badge) ui.badge = createBadge(ui);
  if (!ui.badge) return;
  ui.badge.hidden = !show;
  ui.badge.textContent = show ? (unread > 99 ? '99+' : String(unread)) : '';
}

function createBadge(ui: Launcher): HTMLElement {
  const badge = el(ui.root.ownerDocument, 'span', 'u', { id: 'fd-unread', 'aria-hidden': 'true' });
  ui.button.setAttribute('aria-describedby', badge.id);
  ui.button.appendChild(badge);
  return badge;
}

/** Adds the panel and the messenger iframe (first open only). */
export function createFrame(doc: Document, ui: Launcher, src: string): HTMLIFrameElement {
  adoptStyles(ui.root, CSS);
  const panel = el(doc, 'div', 'p', { id: 'fd-panel' });
  ui.button.setAttribute('aria-controls', panel.id);
  const frame = el(doc, 'iframe', '');
  frame.title = 'Messenger';
  frame.src = src;
  panel.appendChild(frame);
  ui.wrap.insertBefore(panel, ui.button);
  ui.panel = panel;
  return frame;
}

/**
 * While open on a phone: the panel follows the visual viewport (the part the keyboard leaves), and the page
 * behind is kept from scrolling. Returns the function that undoes it.
 */
export function followViewport(win: Window, ui: Launcher): () => void {
  const vv = win.visualViewport;
  const root = win.document.documentElement;
  const overflow = root.style.getPropertyValue('overflow');
  const phone = (): boolean => win.innerWidth <= 640;
  const place = (): void => {
    if (!vv || !phone()) {
      ui.host.style.removeProperty('--vh');
      ui.host.style.removeProperty('--vt');
      return;
    }
    ui.host.style.setProperty('--vh', `${Math.max(vv.height - STRIP_PX, 120)}px`);
    ui.host.style.setProperty('--vt', `${vv.offsetTop}px`);
  };
  if (phone()) root.style.setProperty('overflow', 'hidden');
  place();
  if (vv) {
    vv.addEventListener('resize', place);
    vv.addEventListener('scroll', place);
  }
  return () => {
    if (vv) {
      vv.removeEventListener('resize', place);
      vv.removeEventListener('scroll', place);
    }
    if (overflow) root.style.setProperty('overflow', overflow);
    else root.style.removeProperty('overflow');
  };
}
