import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** LibreOffice's command-line program, when installed (Debian: libreoffice-calc-nogui). */
export function soffice(): string | null {
  return ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/local/bin/soffice'].find((path) => existsSync(path)) ?? null;
}

/**
 * Prints a workbook to PDF the way an organizer's LibreOffice would (`soffice --headless
 * --convert-to pdf`), with a profile of its own so that parallel runs never share a lock.
 */
export async function workbookToPdf(bytes: Buffer, name: string): Promise<Buffer> {
  const program = soffice();
  if (!program) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'laurel-print-'));
  const file = join(dir, `${name}.xlsx`);
  writeFileSync(file, bytes);
  await run(program, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    timeout: 120_000,
  });
  return readFileSync(join(dir, `${name}.pdf`));
}
