import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The relay's data holds every office's residents, phone and ID numbers: only the relay's user
 * may read it. New files get 0600 / folders 0700 through the process's umask (LevelDB makes its
 * table files as it goes); what someone else made with a looser mode (an admin's shell, an older
 * relay) is fixed when the relay starts.
 */
export function privateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads cannot set it; the start-up pass below still fixes the files */
  }
}

/** Makes `dir` (0700) if missing and sets 0700 on every folder and 0600 on every file under it. */
export async function privateTree(dir: string, log: (line: string) => void = () => undefined): Promise<number> {
  privateUmask();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const walk = async (path: string): Promise<void> => {
    const st = await lstat(path);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) {
      await chmod(path, want);
      fixed++;
    }
    if (st.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(dir);
  if (fixed) log(`made ${fixed} files and folders in ${dir} private to the relay's user (0700/0600)`);
  return fixed;
}
