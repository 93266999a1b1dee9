import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The web app lives in web/; the server serves its build from dist/web.
export default defineConfig({
  root: 'web',
  plugins: [
    react(),
    // The resident app is installable and opens offline; see web/features/device/sw.ts.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'features/device',
      filename: 'sw.ts',
      registerType: 'autoUpdate',
      // Registered by web/features/device/registerServiceWorker.ts after the page has loaded.
      injectRegister: false,
      // web/public/manifest.webmanifest is written by hand and linked from index.html.
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        // The resident's shell only: staff screens (and recharts) are not pushed onto every phone.
        globPatterns: ['index.html', 'manifest.webmanifest', 'icons/*.{png,svg}', 'assets/*.{js,css}'],
        // Staff screens are never precached on residents' phones.
        globIgnores: [
          '**/StatsPage-*',
          '**/IocPage-*',
          '**/AdminPage-*',
          '**/UnitPage-*',
          '**/LoginPage-*',
          '**/queue-*',
          '**/WallPage-*',
          '**/WallMap-*',
        ],
      },
    }),
  ],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
    hookTimeout: 30000,
    pool: 'forks',
  },
});
