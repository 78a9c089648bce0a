/** jest globalTeardown: the secret scan's verdict, and the missing-documents banner again at the end. */
import { docsBanner } from "./globalSetup";
import secretScanTeardown from "./secretScanTeardown";

export default async function globalTeardown(): Promise<void> {
  const banner = docsBanner();
  if (banner) process.stdout.write(banner);
  await secretScanTeardown();
}
