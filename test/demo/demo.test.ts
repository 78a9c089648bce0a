/**
 * The main job end to end: `npm start` runs the booking-intake demo through the BUILT component
 * (dist/index.js, built by `pretest`) against the sandbox, prints each step and exits 0.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");

test("the demo flow runs every step through the built component and exits 0", () => {
  expect(fs.existsSync(path.join(root, "dist/index.js"))).toBe(true);
  const run = spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/demo.ts"], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
  });
  const out = `${run.stdout}\n${run.stderr}`;
  // status and output together, so a failure shows what the demo printed
  expect({ status: run.status, out }).toMatchObject({ status: 0 });
  for (const key of ["createCustomer", "createBookingByProvider", "listBookingByTenant", "createJob", "createAppointment", "assignTechnicians", "listAppointmentsAssignment"]) {
    expect(out).toContain(`[${key},`);
  }
  expect(out).toMatch(/Demo flow finished: \d+ requests to the sandbox \(\d+ writes\), no errors\./);
  expect(out).not.toMatch(/sandbox-secret-do-not-log|ak1\.sandbox-app-key/);
}, 150_000);
