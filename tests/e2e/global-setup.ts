import { missingPrerequisites } from '../../scripts/browser/launch';

/** Fail the whole e2e run at once, with the fix, when Chromium or the build is missing. */
export default function checkE2ePrerequisites(): void {
  const problems = missingPrerequisites();
  if (problems.length > 0) {
    throw new Error(`E2E tests cannot run:\n  - ${problems.join('\n  - ')}\n(npm run test:e2e builds the extension first.)`);
  }
}
