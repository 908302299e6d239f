/**
 * Entry of the loader's second part (dist/public/widget-app.js, an IIFE), added by `widget.js` when the
 * browser is idle or the visitor clicks: takes over the button `widget.js` drew and installs the full
 * `Frontdesk(command, ...args)`.
 */
import { installFrontdesk } from './loader';

const first = window.Frontdesk;
if (first && first.core) installFrontdesk(window, first.core.config, first.core);
