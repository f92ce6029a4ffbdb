import type { TestProject } from 'vitest/node';
import type { PackagedMessages } from '../lib/i18n/messages';
import { localeMessages } from '../lib/i18n/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    /** locales/en.yml as the build packages it, for tests/setup.ts. */
    englishMessages: PackagedMessages;
  }
}

/**
 * Read locales/en.yml once per run and hand it to every test file: parsing it (and loading the YAML
 * parser) in each file's setup cost more than most files' tests.
 */
export default function provideEnglishMessages(project: TestProject): void {
  project.provide('englishMessages', localeMessages('en'));
}
