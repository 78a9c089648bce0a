#!/usr/bin/env node
// Builds dist/index.js when it is missing or older than any source file, so `npm start`,
// `npm run invoke` and `npm run bench` always run the component as it is now.
const fs = require("fs");
const path = require("path");
const { execSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "dist", "index.js");

const newest = (dir) => {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
};

const sourcesChanged = () => {
  if (!fs.existsSync(bundle)) return true;
  const built = fs.statSync(bundle).mtimeMs;
  const inputs = ["src", "assets", "scripts/webpack"].map((d) => path.join(root, d)).filter(fs.existsSync);
  const configs = ["package.json", "webpack.config.js", "tsconfig.json"].map((f) => path.join(root, f));
  return Math.max(...inputs.map(newest), ...configs.map((f) => fs.statSync(f).mtimeMs)) > built;
};

if (sourcesChanged()) {
  console.log("Building the component (dist/index.js)…");
  execSync("npx webpack --no-stats", { cwd: root, stdio: "inherit" });
}
