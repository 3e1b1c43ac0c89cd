// Compiles the unit tests (TypeScript) into plain modules for `node --test`.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = ".test-build";

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });

const entryPoints = readdirSync(new URL(".", import.meta.url))
  .filter((name) => name.endsWith(".test.ts"))
  .sort()
  .map((name) => `test/${name}`);

await build({
  absWorkingDir: root,
  entryPoints,
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: ["node20"],
  packages: "external",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
