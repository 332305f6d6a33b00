// Part of npm run build: the files the server reads at run time, beside the compiled code, in the same layout
// as the sources (so `import.meta.dirname`-relative paths resolve the same from src/ and from build/src/).
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const copies = [
  'prisma/migrations',
  'prisma/demo-blog.json',
  'assets',
  'client/operations',
  'client/generated/persisted-documents.json',
  'src/modules/auth/bcrypt.worker.mjs',
];
for (const item of copies) {
  fs.cpSync(path.join(root, item), path.join(root, 'build', item), { recursive: true });
}
console.log(`Copied ${copies.length} runtime files and folders into build/.`);
