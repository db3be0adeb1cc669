import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (env: NodeJS.ProcessEnv) => spawnSync(process.execPath, ['scripts/check-system.mjs'], { env, encoding: 'utf8' });

describe('scripts/check-system.mjs (first step of npm test)', () => {
  it('names every missing package and the one apt command, and fails', () => {
    const r = run({ PATH: '/nonexistent', CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/apt-get update && (sudo )?apt-get install -y --no-install-recommends chromium fonts-noto-cjk poppler-utils libnss3-tools\n/);
  });

  it('passes on a machine that has them (this one: the other tests need them too)', () => {
    const r = run(process.env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
