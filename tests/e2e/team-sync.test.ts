/**
 * Two agents, two Chromium profiles with the built extension, one team server: a real PouchDB
 * Server (express-pouchdb, in this process) on 127.0.0.1, users in the team's role, and CORS allowing the extension's origin, as docs/team.md sets up
 * CouchDB. Both agents connect through the options page.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadDemoSettings } from '../../demo/pages';
import { CasePanelUi, PopupUi, SitePageUi } from '../../scripts/browser/careside-ui';
import { launchExtensionBrowser, openPopup, seedSettings, serveSites, type ExtensionBrowser } from '../../scripts/browser/launch';
import { DESIGN_DOC_ID, setupTeamDb } from '../../lib/sync/team-setup';
import { startTestCouch, type TestCouch, createTestUser, remoteDb } from '../../lib/sync/testing';
import { sendRawMessage } from './support/extension-page';
import { stopServiceWorkers } from './support/service-worker';
import { COMPLAINT_BY_MENTION, COMPLAINT_BY_NAME, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

const admin = { name: 'admin', password: 'admin-secret' };
const corsOrigins = new Set<string>();
let couch: TestCouch;
const browsers: ExtensionBrowser[] = [];

const createUser = (name: string, roles: string[]) => createTestUser(couch, admin, name, roles);

/**
 * The team database as `npm run team:setup` leaves it: limited to the team's role, with the
 * validate_doc_update design document (couchdb/validate_doc_update.js) checking every write,
 * replicated ones included (the test server runs it as CouchDB does: lib/sync/test-couch-validation.ts).
 */
async function createTeamDb(name: string): Promise<void> {
  const steps = await setupTeamDb({
    server: couch.origin,
    db: name,
    auth: { username: admin.name, password: admin.password },
    validateSource: readFileSync(new URL('../../couchdb/validate_doc_update.js', import.meta.url), 'utf8'),
  });
  expect(steps).toContain(`Installed ${DESIGN_DOC_ID} (validate_doc_update).`);
}

beforeAll(async () => {
  couch = await startTestCouch({ admin, corsOrigins });
  await createUser('priya', ['careside']);
  await createUser('sam', ['careside']);
  await createTeamDb('acme-care');
});
afterAll(async () => {
  await couch?.close();
});
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((browser) => browser.close()));
});

/** One agent's browser: its own profile, the demo brand, the X test page, and the team server reachable. */
async function agentBrowser(): Promise<ExtensionBrowser> {
  const browser = await launchExtensionBrowser({ headless: true });
  browsers.push(browser);
  await seedSettings(browser.serviceWorker, loadDemoSettings());
  await serveSites(browser.context, { [X_SEARCH_URL]: xTestPage() });
  // The launch blocks every http(s) request; the team server on loopback is let through, as it would be.
  await browser.context.route(
    (url) => url.origin === couch.origin,
    (route) => route.continue(),
  );
  return browser;
}

async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByTestId('options-team').waitFor();
  return page;
}

async function fillTeam(options: Page, user: string, password = `${user}-pw`): Promise<void> {
  const team = options.getByTestId('options-team');
  await team.getByLabel('Server address', { exact: true }).fill(couch.origin);
  await team.getByLabel('Database', { exact: true }).fill('acme-care');
  await team.getByLabel('User name', { exact: true }).fill(user);
  await team.getByLabel('Password', { exact: true }).fill(password);
}

async function connect(options: Page, user: string): Promise<void> {
  await fillTeam(options, user);
  await options.getByTestId('options-team-connect').click();
  await options.getByTestId('options-team-connected').waitFor();
  await expect.poll(() => options.getByTestId('team-sync-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('synced');
}

async function openX(browser: ExtensionBrowser): Promise<SitePageUi> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(X_SEARCH_URL, { waitUntil: 'domcontentloaded' });
  const ui = new SitePageUi(page);
  await ui.waitForSidebar();
  return ui;
}

async function logOnX(browser: ExtensionBrowser, postKey = keyOf(COMPLAINT_BY_MENTION)): Promise<{ ui: SitePageUi; ref: string }> {
  const ui = await openX(browser);
  return { ui, ref: await ui.logFromSidebar(postKey) };
}

/** Options → You as an agent: the name teammates see. */
async function saveAgentName(options: Page, name: string): Promise<void> {
  const section = options.getByTestId('options-agent');
  await section.getByLabel('Your name', { exact: true }).fill(name);
  await section.getByTestId('options-agent-save').click();
  await expect.poll(() => section.getByTestId('options-agent-result').textContent()).toBe('Profile saved.');
}

/** The team server's timeline entries of a post, as [type, author], read as the admin. */
async function serverEntries(postKey: string): Promise<string[][]> {
  const db = remoteDb(`${couch.origin}/acme-care`, { username: admin.name, password: admin.password });
  const { rows } = await db.allDocs<{ _id: string; author: string; event: { type: string } }>({
    startkey: `event:${postKey}:`,
    endkey: `event:${postKey}:\ufff0`,
    include_docs: true,
  });
  return rows.flatMap((row) => (row.doc ? [[row.doc.event.type, row.doc.author]] : []));
}

/** What the post's sidebar row and inline control say about teammates replying (null: nothing). */
async function replyingOn(ui: SitePageUi, postKey: string): Promise<{ row: string | null; inline: string | null }> {
  const row = ui.mention(postKey).getByTestId('careside-mention-replying');
  const inline = ui.inline(postKey).first().locator('[data-testid="careside-inline-replying"]');
  return {
    row: (await row.count()) > 0 ? await row.textContent() : null,
    inline: (await inline.count()) > 0 ? await inline.textContent() : null,
  };
}

describe('team sync between two browser profiles (real Chromium, in-process PouchDB Server)', () => {
  it('Test connection says what is wrong: CORS, a wrong password, an http:// server elsewhere', async () => {
    const browser = await agentBrowser();
    const options = await openOptions(browser);
    const result = options.getByTestId('options-team-result');

    // The server does not allow this extension's origin yet.
    await fillTeam(options, 'priya');
    await options.getByTestId('options-team-test').click();
    await expect.poll(() => result.textContent()).toContain(`does not allow CareSide (chrome-extension://${browser.extensionId})`);

    corsOrigins.add(`chrome-extension://${browser.extensionId}`);
    await fillTeam(options, 'priya', 'wrong');
    await options.getByTestId('options-team-test').click();
    await expect.poll(() => result.textContent()).toBe('The server refused this user name or password.');
    // Connect with it stores nothing: the form stays, no sync status anywhere.
    await options.getByTestId('options-team-connect').click();
    await expect.poll(() => result.textContent()).toBe('Not connected: The server refused this user name or password.');
    expect(await options.getByTestId('team-sync-status').count()).toBe(0);

    await fillTeam(options, 'priya');
    await options.getByTestId('options-team-test').click();
    await expect.poll(() => result.textContent()).toBe('The connection works: priya can use acme-care.');

    const team = options.getByTestId('options-team');
    await team.getByLabel('Server address', { exact: true }).fill('http://couch.example.com');
    await options.getByTestId('options-team-test').click();
    await expect
      .poll(() => team.getByRole('alert').first().textContent())
      .toBe('The server must use HTTPS (only a server on this computer may use http://).');
  });

  it('both agents log the same post before connecting: after sync both show one case with one ref; a status change on A reaches B', async () => {
    const a = await agentBrowser();
    const b = await agentBrowser();
    corsOrigins.add(`chrome-extension://${a.extensionId}`).add(`chrome-extension://${b.extensionId}`);
    const key = keyOf(COMPLAINT_BY_MENTION);

    // Offline from each other (no team yet): each install gives the post its own ref.
    const onA = await logOnX(a);
    const onB = await logOnX(b);
    expect(onA.ref).not.toBe(onB.ref);

    // Without a team the popup shows no sync line.
    const popupB = await openPopup(b.context, b.extensionId);
    await new PopupUi(popupB).openTotal();
    expect(await popupB.getByTestId('team-sync-status').count()).toBe(0);

    await connect(await openOptions(a), 'priya');
    await connect(await openOptions(b), 'sam');

    // One case for the team: the ref logged first (A's), on both X pages, without a reload.
    await expect.poll(() => onB.ui.inlineRef(key), { timeout: 20_000 }).toBe(onA.ref);
    await expect.poll(() => onA.ui.inlineRef(key), { timeout: 20_000 }).toBe(onA.ref);
    await expect.poll(() => onB.ui.sidebarRef(key), { timeout: 20_000 }).toBe(onA.ref);
    // B's popup follows live: one open case, and the team line.
    await expect.poll(() => new PopupUi(popupB).openTotal()).toBe(1);
    await expect.poll(() => popupB.getByTestId('team-sync-status').textContent(), { timeout: 20_000 }).toMatch(/^Synced/);

    // A status change made on A (a real protocol message from A's options page) shows on B's page.
    const optionsA = a.context.pages().find((page) => page.url().endsWith('/options.html'))!;
    const found = (await sendRawMessage(optionsA, { type: 'cases/get', payload: { ref: onA.ref } })) as { data: { case: { id: string } } };
    const moved = (await sendRawMessage(optionsA, {
      type: 'cases/transition',
      payload: { caseId: found.data.case.id, to: 'responded' },
    })) as { ok: boolean };
    expect(moved.ok).toBe(true);
    await expect.poll(() => onB.ui.inlineBadgeText(key), { timeout: 20_000 }).toMatch(/Responded/);

    // B's worker is stopped as Chrome stops an idle one; the next one picks the sync up again.
    await stopServiceWorkers(popupB);
    const resolved = (await sendRawMessage(optionsA, {
      type: 'cases/transition',
      payload: { caseId: found.data.case.id, to: 'resolved' },
    })) as { ok: boolean };
    expect(resolved.ok).toBe(true);
    const popupAfter = await openPopup(b.context, b.extensionId);
    await expect.poll(() => new PopupUi(popupAfter).count('popup-status-resolved'), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => popupAfter.getByTestId('team-sync-status').textContent(), { timeout: 20_000 }).toMatch(/^Synced/);
  });

  it('A opens the reply panel: B\'s sidebar row and inline control say "Priya Shah is replying" within 5 s; it goes when A closes; A\'s reply reaches B\'s open panel as "already responded"', async () => {
    const a = await agentBrowser();
    const b = await agentBrowser();
    corsOrigins.add(`chrome-extension://${a.extensionId}`).add(`chrome-extension://${b.extensionId}`);
    const key = keyOf(COMPLAINT_BY_NAME);
    const optionsA = await openOptions(a);
    await saveAgentName(optionsA, 'Priya Shah');
    await connect(optionsA, 'priya');
    await connect(await openOptions(b), 'sam');

    const onA = await logOnX(a, key);
    const onB = await openX(b);
    await expect.poll(() => onB.inlineRef(key), { timeout: 20_000 }).toBe(onA.ref);
    expect(await replyingOn(onB, key)).toEqual({ row: null, inline: null });

    const panelA = new CasePanelUi(onA.ui.page);
    await panelA.open(key);
    const opened = Date.now();
    await expect
      .poll(() => replyingOn(onB, key), { timeout: 5_000, interval: 100 })
      .toEqual({ row: 'Priya Shah is replying', inline: 'Priya Shah is replying' });
    console.log(`B saw "Priya Shah is replying" ${Date.now() - opened} ms after A's panel opened`);
    // A never sees its own presence.
    expect(await replyingOn(onA.ui, key)).toEqual({ row: null, inline: null });

    // A closes the panel: B's notices go.
    await panelA.panel.getByTestId('careside-case-panel-close').click();
    await expect.poll(() => replyingOn(onB, key), { timeout: 5_000, interval: 100 }).toEqual({ row: null, inline: null });

    // B opens the same case.
    const panelB = new CasePanelUi(onB.page);
    await panelB.open(key);
    // And A's row now says Sam is replying (B's user, who saved no name).
    await expect
      .poll(() => replyingOn(onA.ui, key), { timeout: 5_000, interval: 100 })
      .toEqual({ row: 'sam is replying', inline: 'sam is replying' });
    const noticeB = onB.page.getByTestId('careside-already-responded');
    expect(await noticeB.count()).toBe(0);

    // A's worker is stopped as Chrome stops an idle one; A records a reply from its options page (as
    // the dashboard does), which wakes it. A's sync drains (the entries reached the server under A's
    // name), and B's open panel says so before Insert, without being reopened.
    await stopServiceWorkers(optionsA);
    const found = (await sendRawMessage(optionsA, { type: 'cases/get', payload: { ref: onA.ref } })) as { data: { case: { id: string } } };
    const replied = (await sendRawMessage(optionsA, {
      type: 'cases/recordEvent',
      payload: { caseId: found.data.case.id, event: { type: 'reply_inserted' }, transitionTo: 'responded' },
    })) as { ok: boolean };
    expect(replied.ok).toBe(true);
    await expect
      .poll(() => serverEntries(key), { timeout: 20_000 })
      .toEqual(
        expect.arrayContaining([
          ['reply_inserted', 'priya'],
          ['status_changed', 'priya'],
        ]),
      );
    // The restarted worker said "Connecting…" first, so this is the new round's word: nothing pending.
    await expect.poll(() => optionsA.getByTestId('team-sync-status').textContent(), { timeout: 20_000 }).toMatch(/^Synced/);
    await expect.poll(() => noticeB.textContent(), { timeout: 20_000 }).toMatch(/^Priya Shah already responded /);
    await panelB.panel.getByTestId('careside-case-panel-close').click();
    await panelB.open(key);
    await expect.poll(() => noticeB.textContent()).toMatch(/^Priya Shah already responded /);
  }, 150_000);
});
