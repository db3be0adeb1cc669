import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// One config for the app build and for every test project.
// Unit tests run in Node with fake-indexeddb; relay tests start real relays on port 0;
// e2e tests drive Debian Chromium against the built app served by the real relay.
export default defineConfig({
  plugins: [
    solid(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: '邻里 · 物业客服台',
        short_name: '邻里',
        description: '物业管理处客户服务台：离线可用，多人协同',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#1f6f5c',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/setup/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: false },
  // The sync worker (src/store/worker) is a module worker: it lazy-loads pinyin like the page does.
  worker: { format: 'es' },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
        },
      },
      {
        // Not extending: vite-plugin-solid adds the `browser` resolve condition, which would give
        // Node code the browser builds of ws and friends.
        test: {
          name: 'relay',
          environment: 'node',
          include: ['test/relay/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // After the unit and relay projects, alone: a browser sharing two cores with the
          // property tests ran 5× slower and timed out (CI, stop 25).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
