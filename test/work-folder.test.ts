// `npm start` serves a work folder of the user's, apart from the template sources in notebooks/: a notebook the
// user saves in JupyterLab must never become a template or break the next build (issue 17, item 0).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTEBOOKS_DIR, readTemplates, writeCatalog } from '../scripts/bundle-templates.mjs';
import { DEFAULT_WORK_FOLDER, workFolder } from '../scripts/work-folder.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const venvPython = join(root, '.venv', 'bin', 'python');

describe('the work folder npm start serves', () => {
  it('is my-notebooks/ by default: outside notebooks/ and ignored by git', () => {
    expect(workFolder({})).toBe(DEFAULT_WORK_FOLDER);
    expect(relative(NOTEBOOKS_DIR, DEFAULT_WORK_FOLDER).startsWith('..')).toBe(true);
    const ignored = spawnSync('git', ['check-ignore', '-q', 'my-notebooks/scratch.ipynb'], { cwd: root });
    expect(ignored.status, 'my-notebooks/ must be git-ignored').toBe(0);
  });

  it('refuses notebooks/ and folders inside it, naming the variable', () => {
    for (const chosen of ['notebooks', 'notebooks/mine', join(root, 'notebooks')]) {
      expect(() => workFolder({ IMMUNOTWIN_WORK_DIR: chosen })).toThrow(
        /IMMUNOTWIN_WORK_DIR=.*template sources \(notebooks\/\).*outside notebooks\//,
      );
    }
    expect(() => workFolder({ IMMUNOTWIN_WORK_DIR: 'notebooks-of-mine' })).not.toThrow();
    rmSync(join(root, 'notebooks-of-mine'), { recursive: true, force: true });
  });

  describe('in a real JupyterLab started by scripts/lab.mjs', () => {
    const folder = mkdtempSync(join(tmpdir(), 'immunotwin-work-'));
    let lab: ReturnType<typeof spawn> | undefined;
    afterAll(() => {
      if (lab?.pid) process.kill(-lab.pid, 'SIGTERM');
      rmSync(folder, { recursive: true, force: true });
      rmSync(join(NOTEBOOKS_DIR, 'scratch.ipynb'), { force: true }); // only there if the server wrote into notebooks/
    });

    it('saves a user notebook there, and the template catalog still builds without it', async () => {
      expect(existsSync(venvPython), '.venv is missing: npm test or npm start makes it').toBe(true);
      expect(existsSync(join(NOTEBOOKS_DIR, 'scratch.ipynb')), 'notebooks/scratch.ipynb is in the way').toBe(false);
      writeCatalog(); // the catalog of the templates as they are, before the user saves anything
      const port = 9590;
      const token = 'work-folder-test';
      lab = spawn(
        process.execPath,
        ['scripts/lab.mjs', '--no-browser', `--ServerApp.port=${port}`, `--IdentityProvider.token=${token}`],
        { cwd: root, env: { ...process.env, IMMUNOTWIN_WORK_DIR: folder }, stdio: 'ignore', detached: true },
      );
      const api = `http://localhost:${port}/api`;
      const headers = { Authorization: `token ${token}`, 'Content-Type': 'application/json' };
      for (let tries = 0; ; tries++) {
        const up = await fetch(`${api}/status`, { headers }).then(
          (response) => response.ok,
          () => false,
        );
        if (up) break;
        expect(tries, 'JupyterLab did not answer within 90 s').toBeLessThan(180);
        await new Promise((done) => setTimeout(done, 500));
      }
      // A notebook as a user saves it: no "# Title" heading, which a template must have.
      const scratch = {
        cells: [{ cell_type: 'code', source: '1 + 1', metadata: {}, outputs: [], execution_count: null }],
      };
      const content = {
        type: 'notebook',
        format: 'json',
        content: { ...scratch, metadata: {}, nbformat: 4, nbformat_minor: 5 },
      };
      const saved = await fetch(`${api}/contents/scratch.ipynb`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(content),
      });
      expect(saved.status).toBe(201);
      expect(existsSync(join(folder, 'scratch.ipynb'))).toBe(true);
      expect(existsSync(join(NOTEBOOKS_DIR, 'scratch.ipynb'))).toBe(false);
      expect(() => readTemplates()).not.toThrow();
      expect(writeCatalog(), 'the template catalog changed after a user saved a notebook').toBe(false);
      expect(readTemplates().map((template) => template.file)).not.toContain('scratch.ipynb');
    }, 180_000);
  });
});
