// Keeps an org across restarts: read the snapshot file at start, write it shortly after changes
// (several changes in a row cost one write) and once more at stop.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { OrgSnapshot } from './org/org.js';

const SAVE_DELAY_MS = 250;

export async function loadSnapshotFile(path: string): Promise<OrgSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const snapshot = JSON.parse(text) as OrgSnapshot;
  if (snapshot.format !== 'forcebridge-emulator-org/1') throw new Error(`${path} is not an emulator org snapshot`);
  return snapshot;
}

export class SnapshotFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly snapshot: () => OrgSnapshot,
  ) {}

  scheduleSave(): void {
    this.timer ??= setTimeout(() => void this.saveNow(), SAVE_DELAY_MS);
  }

  /** Writes a pending change now and waits for every write to end. */
  async flush(): Promise<void> {
    if (this.timer) await this.saveNow();
    await this.writing;
  }

  private saveNow(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const json = JSON.stringify(this.snapshot());
    // Written beside the file and renamed over it, so a crash never leaves half a snapshot.
    this.writing = this.writing.then(async () => {
      await writeFile(`${this.path}.tmp`, json);
      await rename(`${this.path}.tmp`, this.path);
    });
    return this.writing;
  }
}
