// Bundles the panel into the one ES module the integration serves.
// The output must be reproducible byte for byte from the lockfile.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

await build({
  absWorkingDir: here,
  entryPoints: ["src/microdose-together-panel.ts"],
  outfile: "../custom_components/microdose_together/frontend/microdose-together-panel.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: ["es2021"],
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  charset: "utf8",
  tsconfig: "tsconfig.json",
  logLevel: "warning",
});
