import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function viewFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return viewFiles(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** Labels that delete, archive, cancel, remove, withdraw or erase something. */
const destructiveLabel =
  /t\('[\w.]*(cancel|delete|deletion|remove|archive|withdraw|erase|dismiss|disable|confirmAll)[\w.]*'/i;
/** Leaving the sign-in halfway loses nothing: it stays an ordinary secondary button. */
const notDestructive = ["t('signIn.cancel')"];

describe('destructive buttons', () => {
  it('are styled as danger (an outline, never the primary button) in every view', () => {
    const offenders = viewFiles('views').flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/<button[\s\S]*?<\/button>/g)]
        .map((match) => match[0])
        .filter((button) => destructiveLabel.test(button))
        .filter((button) => !notDestructive.some((label) => button.includes(label)))
        .filter((button) => !button.includes('danger'))
        .map((button) => `${path}: ${button.replace(/\s+/g, ' ').slice(0, 100)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('find the destructive buttons they check (the scan is not empty)', () => {
    const found = viewFiles('views').flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/<button[\s\S]*?<\/button>/g)].filter((match) =>
        destructiveLabel.test(match[0]),
      ),
    );
    expect(found.length).toBeGreaterThanOrEqual(8);
  });
});
