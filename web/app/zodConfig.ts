import { z } from 'zod';

// Zod compiles object schemas with `new Function` when it may; to find out, it tries once, which the
// Content-Security-Policy (no 'unsafe-eval') refuses and Chromium reports as a violation. Never try.
z.config({ jitless: true });
