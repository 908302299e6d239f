/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

/**
 * Two builds from one file:
 * - default: the messenger (iframe app) and the desk, as pages under dist/public/.
 * - `--mode loader`: the script-tag loader, a tiny IIFE at dist/public/widget.js.
 * Tests (vitest) run as four projects: shared, server, widget, desk.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'loader') {
    return {
      build: {
        outDir: 'dist/public',
        emptyOutDir: false,
        target: 'es2019',
        lib: { entry: 'widget/loader/index.ts', name: 'FrontdeskLoader', formats: ['iife'], fileName: () => 'widget.js' },
        minify: true,
      },
    };
  }
  return {
    plugins: [preact()],
    build: {
      outDir: 'dist/public',
      emptyOutDir: true,
      target: 'es2020',
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
