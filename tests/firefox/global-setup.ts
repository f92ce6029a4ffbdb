import { missingFirefoxPrerequisites } from '../../scripts/browser/firefox';

/** Fail the whole Firefox run at once, with the fix, when Firefox or the build is missing. */
export default function checkFirefoxPrerequisites(): void {
  const problems = missingFirefoxPrerequisites();
  if (problems.length > 0) {
    throw new Error(`Firefox tests cannot run:\n  - ${problems.join('\n  - ')}\n(npm run test:firefox builds the add-on first.)`);
  }
}
