// The package stands alone and shares no logic with what it rehearses: its sources import Node.js built-ins, each
// other, and its declared dependencies only, never a file outside the package (the library's constructs or handler).
import * as fs from 'node:fs';
import * as path from 'node:path';

const PACKAGE_DIR = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}

test('every import of src/ is a built-in, a file of src/ or a declared dependency', () => {
  const srcDir = path.join(PACKAGE_DIR, 'src');
  const declared = Object.keys(manifest.dependencies ?? {});
  const outside: string[] = [];
  for (const file of sources(srcDir)) {
    for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/(?:from|require\()\s*'([^']+)'/g)) {
      const inside = specifier.startsWith('.') && path.resolve(path.dirname(file), specifier).startsWith(srcDir + path.sep);
      const allowed = specifier.startsWith('node:') || inside || declared.some((d) => specifier === d || specifier.startsWith(`${d}/`));
      if (!allowed) outside.push(`${path.relative(PACKAGE_DIR, file)}: ${specifier}`);
    }
  }
  expect(sources(srcDir).length).toBeGreaterThan(30);
  expect(outside).toEqual([]);
});

test('the package ships its compiled code, its bin, the service model and its README, nothing of the repository around it', () => {
  expect(manifest.files).toEqual(['bin/', 'lib/', 'model/', 'README.md']);
  expect(Object.values(manifest.bin)).toEqual(['bin/cdk-engagement-invitation-local.js']);
  expect(fs.readFileSync(path.join(PACKAGE_DIR, 'bin', 'cdk-engagement-invitation-local.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(fs.readdirSync(path.join(PACKAGE_DIR, 'model')).filter((f) => f.endsWith('.json')).length).toBe(3);
});

test('its dependencies take the same versions as the repository root\'s, so the workspace shares the installed copies', () => {
  const root = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, '..', 'package.json'), 'utf8'));
  const ours = { ...manifest.dependencies, ...manifest.devDependencies } as Record<string, string>;
  const differing = Object.entries(ours).filter(([name, range]) => root.devDependencies[name] !== range);
  expect(Object.keys(ours).length).toBeGreaterThanOrEqual(7);
  expect(differing).toEqual([]);
});
