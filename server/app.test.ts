import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { openMemoryDatabase } from './db/client';
import { FakeClock } from './domain/clock';
import { listen, socketClient } from './test/socket';
import { buildTestApp } from './test/app';

const webDist = mkdtempSync(path.join(tmpdir(), 'beacon-web-'));
mkdirSync(path.join(webDist, 'assets'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Beacon IOC</title>');
writeFileSync(path.join(webDist, 'assets', 'app-1.js'), 'console.log(1)');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

describe('serving the web app', () => {
  const db = openMemoryDatabase();
  const { app } = buildApp({
    db,
    clock: new FakeClock(0),
    options: {
      codePrefix: 'TH',
      sessionTtlMs: 1000,
      cookieSecure: false,
      webDist,
      photoDir: path.join(webDist, 'photos'),
    },
  });
  afterAll(() => app.close());

  it('answers a page route such as /track/CODE with the app', async () => {
    const res = await app.inject({ url: '/track/TH-2611-7KQ3MD' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Beacon IOC</title>');
  });

  it('serves a file built after start, and 404s a missing asset instead of sending the page', async () => {
    writeFileSync(path.join(webDist, 'assets', 'app-2.js'), 'console.log(2)');
    expect((await app.inject({ url: '/assets/app-2.js' })).body).toBe('console.log(2)');
    expect((await app.inject({ url: '/assets/gone-3.js' })).statusCode).toBe(404);
  });

  it('answers an unknown API path with a problem, not the page', async () => {
    const res = await app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});

describe('closing', () => {
  it('closes promptly even with a browser socket still connected', async () => {
    const t = await buildTestApp();
    const url = await listen(t);
    const socket = await socketClient(url);
    const disconnected = new Promise((resolve) => socket.once('disconnect', resolve));
    await t.close();
    await disconnected;
    expect(socket.connected).toBe(false);
  });
});
