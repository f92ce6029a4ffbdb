import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { sendMessage } from '../messaging/client';
import { AGENT_PROFILE_STORAGE_KEY } from '../settings/agent-profile';
import { saveTeamAgents } from '../settings/agent-store';
import { contentSender, fakeTabMessaging, injectSender, logP1Case, POPUP_SENDER, startWorker } from './testing';

let sender: Browser.runtime.MessageSender;
const X_TAB = contentSender('https://x.com/search?q=acme', 7);
const YELP_TAB = contentSender('https://www.yelp.com/biz/acme', 8);

beforeEach(() => {
  sender = POPUP_SENDER;
  injectSender(() => sender);
  fakeTabMessaging(new Map());
});

describe('agent identity', () => {
  it('generates an agent id once and keeps it; name and email are saved beside the signature', async () => {
    await startWorker();
    const first = await sendMessage('agents/me', {});
    expect(first.agent.id).toMatch(/^agent-[0-9a-z]{10}$/);
    expect(first.agent.name).toBe(first.agent.id); // no name yet
    const saved = await sendMessage('agents/saveMe', { name: ' Dana Reyes ', email: 'dana@acme.example' });
    expect(saved.agent).toEqual({ id: first.agent.id, name: 'Dana Reyes', email: 'dana@acme.example' });
    expect((await sendMessage('agents/me', {})).agent.id).toBe(first.agent.id);
    const stored = (await fakeBrowser.storage.local.get(AGENT_PROFILE_STORAGE_KEY))[AGENT_PROFILE_STORAGE_KEY];
    expect(stored).toMatchObject({ id: first.agent.id, name: 'Dana Reyes', email: 'dana@acme.example', signature: '' });
  });

  it('gives one id to requests that arrive together before any id was stored', async () => {
    await startWorker();
    const answers = await Promise.all([sendMessage('agents/me', {}), sendMessage('agents/me', {}), sendMessage('agents/me', {})]);
    const ids = new Set(answers.map((answer) => answer.agent.id));
    expect(ids.size).toBe(1);
    const stored = (await fakeBrowser.storage.local.get(AGENT_PROFILE_STORAGE_KEY))[AGENT_PROFILE_STORAGE_KEY] as { id: string };
    expect(stored.id).toBe(answers[0]?.agent.id);
  });

  it('refuses an email that is not one, saying so, and keeps what was stored', async () => {
    await startWorker();
    await sendMessage('agents/saveMe', { name: 'Dana', email: '' });
    await expect(sendMessage('agents/saveMe', { name: 'Dana', email: 'dana at acme' })).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/not an email address/) as unknown,
    });
    expect((await sendMessage('agents/me', {})).agent.name).toBe('Dana');
  });

  it('becomes the team user when the team sync names it, keeping the install id as "me" too', async () => {
    const background = await startWorker();
    const local = (await sendMessage('agents/me', {})).agent.id;
    background.agents.setTeamUser('priya');
    expect(await sendMessage('agents/me', {})).toMatchObject({ agent: { id: 'priya' }, ids: ['priya', local] });
  });
});

describe('assignment, roster and My cases', () => {
  it('Assign to me from a tab sets the agent id; My cases counts it; the tab never learns a name', async () => {
    await startWorker();
    await sendMessage('agents/saveMe', { name: 'Dana', email: '' });
    const me = (await sendMessage('agents/me', {})).agent;
    sender = X_TAB;
    const logged = await logP1Case('1990000000000000201');
    const other = await logP1Case('1990000000000000202');
    const assigned = await sendMessage('cases/assignToMe', { caseId: logged.id });
    expect(assigned.changed).toBe(true);
    expect(JSON.stringify(assigned)).not.toContain(me.id);
    expect(await sendMessage('cases/assignToMe', { caseId: logged.id })).toMatchObject({ changed: false });
    expect(await sendMessage('cases/teamView', { caseId: logged.id })).toEqual({
      assignedToMe: true,
      assignedToOther: false,
      responses: [],
    });

    sender = POPUP_SENDER;
    await sendMessage('cases/edit', { caseId: other.id, edit: { kind: 'assignee', assignee: 'Night shift' } });
    expect((await sendMessage('cases/get', { caseId: logged.id })).case?.assignee).toBe(me.id);
    expect(await sendMessage('cases/mine', {})).toEqual({ agentId: me.id, open: 1 });
    const page = await sendMessage('cases/query', { filter: { assignee: me.id }, offset: 0, limit: 10 });
    expect(page.cases.map((item) => item.id)).toEqual([logged.id]);

    sender = X_TAB;
    expect(await sendMessage('cases/teamView', { caseId: other.id })).toMatchObject({ assignedToMe: false, assignedToOther: true });
  });

  it("a tab cannot assign or read the team view of another site's case", async () => {
    await startWorker();
    sender = X_TAB;
    const logged = await logP1Case('1990000000000000203');
    sender = YELP_TAB;
    await expect(sendMessage('cases/assignToMe', { caseId: logged.id })).rejects.toMatchObject({ code: 'forbidden_sender' });
    await expect(sendMessage('cases/teamView', { caseId: logged.id })).rejects.toMatchObject({ code: 'forbidden_sender' });
  });

  it('the roster lists me, the team agents and assignees seen on cases', async () => {
    await startWorker();
    await sendMessage('agents/saveMe', { name: 'Dana', email: '' });
    const me = (await sendMessage('agents/me', {})).agent;
    await saveTeamAgents([{ id: 'priya', name: 'Priya Shah' }]);
    sender = X_TAB;
    const logged = await logP1Case('1990000000000000204');
    sender = POPUP_SENDER;
    await sendMessage('cases/edit', { caseId: logged.id, edit: { kind: 'assignee', assignee: 'Night shift' } });
    expect((await sendMessage('agents/roster', {})).roster).toEqual([
      { ...me, source: 'me' },
      { id: 'priya', name: 'Priya Shah', source: 'team' },
      { id: 'Night shift', name: 'Night shift', source: 'seen' },
    ]);
  });
});

describe('searching by teammate name', () => {
  it('finds the cases assigned to a teammate by the name they have now, in the list and the stats', async () => {
    await startWorker();
    await sendMessage('agents/saveMe', { name: 'Dana Reyes', email: '' });
    const me = (await sendMessage('agents/me', {})).agent;
    await saveTeamAgents([{ id: 'agent-sam0000001', name: 'Priya Shah' }]);
    sender = X_TAB;
    const mine = await logP1Case('1990000000000000206');
    const hers = await logP1Case('1990000000000000207');
    await logP1Case('1990000000000000208');
    sender = POPUP_SENDER;
    await sendMessage('cases/edit', { caseId: mine.id, edit: { kind: 'assignee', assignee: me.id } });
    await sendMessage('cases/edit', { caseId: hers.id, edit: { kind: 'assignee', assignee: 'agent-sam0000001' } });
    const found = async (search: string) =>
      (await sendMessage('cases/query', { filter: { search }, offset: 0, limit: 10 })).cases.map((item) => item.id);

    expect(await found('Priya')).toEqual([hers.id]);
    expect(await found('shah')).toEqual([hers.id]);
    expect(await found('dana')).toEqual([mine.id]);
    expect((await sendMessage('cases/stats', { filter: { search: 'priya' }, timeZone: 'UTC' })).total).toBe(1);

    await sendMessage('agents/saveMe', { name: 'Dana Kim', email: '' });
    expect(await found('reyes')).toEqual([]);
    expect(await found('kim')).toEqual([mine.id]);
  });
});

describe('presence through the background', () => {
  it('shows another agent replying to tabs of that site only, never my own presence', async () => {
    const background = await startWorker();
    sender = X_TAB;
    await sendMessage('presence/set', { postKey: 'x:1990000000000000205', replying: true });
    expect((await sendMessage('presence/list', {})).replying).toEqual([]); // my own

    const now = Date.now();
    const teammate = { agentId: 'priya', name: 'Priya', postKey: 'x:1990000000000000205', since: now, expiresAt: now + 60_000 };
    let report: (records: (typeof teammate)[]) => void = () => undefined;
    background.presence.switchChannel({
      publishPresence: () => Promise.resolve(),
      clearPresence: () => Promise.resolve(),
      onPresence: (listener) => ((report = listener), listener([]), () => undefined),
    });
    report([teammate]);
    expect((await sendMessage('presence/list', {})).replying).toEqual([
      { agentId: 'priya', name: 'Priya', postKey: teammate.postKey, since: now },
    ]);
    sender = YELP_TAB;
    expect((await sendMessage('presence/list', {})).replying).toEqual([]);
    await expect(sendMessage('presence/set', { postKey: 'x:1990000000000000205', replying: true })).rejects.toMatchObject({
      code: 'forbidden_sender',
    });
  });
});
