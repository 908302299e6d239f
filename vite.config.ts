/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Three builds from one file:
 * - default: the messenger (iframe app), the portal and the desk, as pages under dist/public/.
 * - `--mode loader`: the script-tag loader's first part, a tiny IIFE at dist/public/widget.js (the button and
 *   the queue).
 * - `--mode loader-app`: its second part, dist/public/widget-app.js (commands, iframe, bridge), which
 *   widget.js adds when the browser is idle or at the first click.
 * Tests (vitest) run as four projects: shared, server, widget, desk.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'loader' || mode === 'loader-app') {
    const [entry, file] = mode === 'loader' ? ['widget/loader/index.ts', 'widget.js'] : ['widget/loader/app.ts', 'widget-app.js'];
    return {
      build: {
        outDir: 'dist/public',
        emptyOutDir: false,
        target: 'es2019',
        lib: { entry, name: 'FrontdeskLoader', formats: ['iife'], fileName: () => file },
        minify: true,
      },
    };
  }
  return {
    plugins: [preact()],
    build: {
      outDir: 'dist/public',
      emptyOutDir: true,
      // es2022 keeps class fields as they are (es2020 turns each into a defineProperty helper call). No module
      // preloading: the messenger's two shared chunks are fetched when its script imports them (one round trip
      // later) instead of from <link rel=modulepreload> tags and Vite's preload helper, which cost the 0.16 KiB
      // gzip the 25 KiB budget lacked once the desk and the messenger came to share the helper's chunk. The CSS of
      // lazily loaded parts still loads with them.
      target: 'es2022',
      modulePreload: false,
      rollupOptions: {
        input: { messenger: 'widget/messenger/index.html', desk: 'desk/index.html', portal: 'widget/portal/index.html' },
      },
    },
    test: {
      projects: [
        { extends: true, test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
        {
          extends: true,
          test: { name: 'server', include: ['server/**/*.test.ts'], environment: 'node', testTimeout: 20000, hookTimeout: 30000 },
        },
        { extends: true, test: { name: 'widget', include: ['widget/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
        { extends: true, test: { name: 'desk', include: ['desk/**/*.test.{ts,tsx}'], environment: 'happy-dom' } },
      ],
    },
  };
});
