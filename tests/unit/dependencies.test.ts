import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : [path];
  });
}

/** Every `import … from '…'` statement of a file, with whether it imports types only. */
function importsOf(path: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].map((match) => ({
    typeOnly: match[1] !== undefined,
    from: match[2]!,
  }));
}

const isRouteFile = (path: string) => /(^|[/-])routes\.tsx?$/.test(path);
/** What views may import as code from src: texts and pure formatting. */
const viewMayImport = [/\/src\/i18n(\/format)?$/, /\/src\/lib\/phone$/];

describe('dependencies point one way', () => {
  it('lets only route files, the page renderer and the one mail composer in src import views', () => {
    const allowed = (path: string) =>
      isRouteFile(path) ||
      path === join('src', 'http', 'render.tsx') ||
      path === join('src', 'features', 'invites', 'invitations.ts');
    const offenders = sourceFiles('src')
      .filter((path) => !allowed(path))
      .filter((path) => importsOf(path).some(({ from }) => from.includes('/views/')));
    expect(offenders).toEqual([]);
  });

  it('lets views import only types, texts and pure formatting from src', () => {
    const offenders = sourceFiles('views')
      .filter((path) => /\.tsx?$/.test(path))
      .flatMap((path) =>
        importsOf(path)
          .filter(({ from, typeOnly }) => from.includes('/src/') && !typeOnly)
          .filter(({ from }) => !viewMayImport.some((pattern) => pattern.test(from)))
          .map(({ from }) => `${path} → ${from}`),
      );
    expect(offenders).toEqual([]);
  });
});
