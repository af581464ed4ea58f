import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LogFeed } from '../../src/app/log-feed.js';
import { Workspace } from '../../src/app/workspace.js';
import { createLogger } from '../../src/logger.js';
import { callOk, connect, testConfig, type Connected } from '../support/harness.js';

const discard = new Writable({ write: (_chunk, _encoding, done) => done() });

describe('MCP logging', () => {
  const open: Connected[] = [];
  afterEach(async () => {
    for (const connected of open.splice(0)) await connected.close();
  });

  it('sends the client its own redacted events at the level it set, never transcript text or another principal’s events', async () => {
    const logFeed = new LogFeed();
    const config = testConfig();
    const workspace = new Workspace({ config, logger: createLogger('debug', discard as never, ['super-secret-value'], logFeed as never), logFeed });
    const mine = await connect({ workspace, principal: 'alice' });
    const theirs = await connect({ workspace, principal: 'bob' });
    open.push(mine, theirs);
    const received: Array<{ level: string; data: Record<string, unknown> }> = [];
    const bobReceived: unknown[] = [];
    mine.client.setNotificationHandler('notifications/message', (n) => void received.push(n.params as never));
    theirs.client.setNotificationHandler('notifications/message', (n) => void bobReceived.push(n.params));
    await mine.client.setLoggingLevel('info');
    await theirs.client.setLoggingLevel('debug');

    await callOk(mine.client, 'load_transcript', { content: 'Ann Lee: our secret launch code is BLUEBIRD.\nBo Chan: noted.' });
    await mine.client.callTool({ name: 'read_transcript', arguments: { transcript_id: 't_missing' } });
    await new Promise((resolve) => setTimeout(resolve, 20));

    const events = received.map((m) => m.data.event);
    expect(events).toContain('transcript_loaded');
    expect(received.find((m) => m.data.event === 'tool_rejected')).toMatchObject({ level: 'warning' });
    expect(JSON.stringify(received)).not.toContain('BLUEBIRD');
    expect(bobReceived).toEqual([]);

    await mine.client.setLoggingLevel('error');
    const before = received.length;
    await callOk(mine.client, 'load_transcript', { content: 'Ann Lee: again.\nBo Chan: yes.' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received.length).toBe(before);
  });
});
