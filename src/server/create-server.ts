/**
 * The server factory: `createServer(deps)` builds one McpServer with every
 * tool, resource and prompt registered and no other side effect. stdio (and
 * later HTTP) call it per connection; state lives in the shared Workspace.
 */

import { CLIENT_CAPABILITIES_META_KEY, LOG_LEVEL_META_KEY, McpServer, type CallToolResult, type ClientCapabilities, type InputRequiredResult, type LoggingLevel, type ServerContext } from '@modelcontextprotocol/server';
import type { Workspace } from '../app/workspace.js';
import { InputError } from '../core/errors.js';
import { createRedactor, redactDeep } from '../core/security/redact.js';
import { configuredSecrets } from '../config.js';
import { PACKAGE_NAME, PACKAGE_VERSION } from '../version.js';
import { mcpLevel } from '../app/log-feed.js';
import { resolveAllowedRoots, rootsFromFileUris } from '../adapters/files/safe-path.js';
import { describeError, errorResult, newCorrelationId, successResult, type ToolOutput } from './results.js';
import { inBandElicitation, inBandSampling, settle, SuspendedCall, type Settled } from './input-rounds.js';
import { sharedServerState } from './shared-state.js';
import { registerResources } from './resources.js';
import { registerPrompts } from './prompts.js';
import type { ToolContext, ToolDefinition } from './tool-definition.js';
import type { SamplingAccess } from '../app/llm-snapshot.js';
import { TRANSCRIPT_TOOLS } from './tools/transcripts.js';
import { SNAPSHOT_TOOLS } from './tools/snapshots.js';
import { ZOOM_TOOLS } from './tools/zoom.js';
import { SECURITY_TOOLS } from './tools/security.js';


export const ALL_TOOLS: ReadonlyArray<ToolDefinition> = [...TRANSCRIPT_TOOLS, ...SNAPSHOT_TOOLS, ...ZOOM_TOOLS, ...SECURITY_TOOLS] as unknown as ToolDefinition[];

/** MCP log levels, least severe first. */
const LOG_SEVERITY: ReadonlyArray<LoggingLevel> = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** The first protocol revision without server-to-client requests: client input travels in input_required results. */
const MODERN_PROTOCOL = '2026-07-28';

export interface ServerDeps {
  workspace: Workspace;
  /** Who is calling: "local" for stdio; the token's principal over HTTP. */
  principal: string;
  /**
   * Over HTTP the caller is another machine: its MCP roots and our working directory mean
   * nothing to it, so paths are read only inside TRANSCRIPT_ROOTS (and not at all without it).
   */
  remote?: boolean;
}

const INSTRUCTIONS = [
  'Meeting transcripts in, answers and Customer Success Snapshots out. Load a transcript (load_transcript), then search_transcripts / read_transcript / transcript_stats to answer questions with speakers and timestamps.',
  'For a snapshot, generate_snapshot builds the 11-section draft with fields and evidence; you may then rewrite any section in your own words with write_snapshot_section, citing turns with verbatim quotes (check them with read_transcript and search_transcripts).',
  'The server keeps only what the transcript supports and tells you what it dropped and why: fix those items and resend; update_snapshot_field is for values a person gives you.',
].join('\n');

export function createServer({ workspace, principal, remote = false }: ServerDeps): McpServer {
  const server = new McpServer(
    { name: PACKAGE_NAME, version: PACKAGE_VERSION },
    { capabilities: { tools: { listChanged: false }, resources: { listChanged: true }, prompts: { listChanged: false }, logging: {} }, instructions: INSTRUCTIONS },
  );
  const session = workspace.session(principal);
  // Results may quote what users typed or pasted; none of our own credentials ever goes back out.
  const scrub = createRedactor(configuredSecrets(workspace.config), { personalData: false });
  const logger = workspace.logger.child({ principal });
  const { suspendedCalls, toolCalls, logLevels } = sharedServerState(workspace);
  const callsInFlight = new Set<ServerContext>();

  const allowedRoots = async (): Promise<string[]> => {
    const { config } = workspace;
    if (config.transcriptRoots.length > 0) return resolveAllowedRoots(config.transcriptRoots, config.cwd);
    if (remote) throw new InputError('PATH_OUTSIDE_ROOTS', 'This shared server reads no files by path (TRANSCRIPT_ROOTS is not set); send the transcript text as `content` instead.');
    if (server.server.getClientCapabilities()?.roots) {
      try {
        const { roots } = await server.server.listRoots();
        const fromClient = await resolveAllowedRoots(rootsFromFileUris(roots.map((root) => root.uri)), config.cwd);
        if (fromClient.length > 0) return fromClient;
      } catch (error) {
        logger.warn({ event: 'roots_unavailable', error_name: (error as Error).name }, 'client roots unavailable; using the working directory');
      }
    }
    return resolveAllowedRoots([config.cwd], config.cwd);
  };

  // Revisions are dates; a stateless 2025-era HTTP request reaches an instance that never saw `initialize`, so no version.
  const era = (): 'legacy' | 'modern' => ((server.server.getNegotiatedProtocolVersion() ?? '') >= MODERN_PROTOCOL ? 'modern' : 'legacy');

  // What the client declared: per request on 2026-07-28 (the envelope), per connection before.
  const clientCapabilities = (ctx: ServerContext): ClientCapabilities | undefined =>
    (ctx.mcpReq.envelope as Record<string, ClientCapabilities | undefined> | undefined)?.[CLIENT_CAPABILITIES_META_KEY] ?? server.server.getClientCapabilities();

  const canShowForms = (ctx: ServerContext): boolean => {
    const capability = clientCapabilities(ctx)?.elicitation;
    return Boolean(capability) && !(capability!.form === undefined && capability!.url !== undefined);
  };

  // On 2025-era connections sampling and elicitation are server-to-client requests, offered when the client declared them.
  const pushSampling = (ctx: ServerContext): SamplingAccess | null =>
    clientCapabilities(ctx)?.sampling ? { createMessage: (params, { signal }) => ctx.mcpReq.requestSampling(params, { signal }) as never } : null;

  const pushElicitation = (ctx: ServerContext): ToolContext['elicit'] =>
    canShowForms(ctx)
      ? async (form) => {
          const result = await ctx.mcpReq.elicitInput({ mode: 'form', ...form }, { signal: ctx.mcpReq.signal });
          return { action: result.action, content: result.content as Record<string, unknown> | undefined };
        }
      : null;

  for (const tool of ALL_TOOLS) {
    const handle = async (args: unknown, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
      callsInFlight.add(ctx);
      try {
        return await handleCall(args, ctx);
      } finally {
        callsInFlight.delete(ctx);
      }
    };
    const handleCall = async (args: unknown, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
      // Progress is reported from synchronous engine callbacks; the notifications are awaited before the result goes out.
      const progressSent: Array<Promise<void>> = [];
      const progressToken = ctx.mcpReq._meta?.progressToken;
      const report = (done: number, total: number, message: string) => {
        if (progressToken === undefined) return;
        progressSent.push(ctx.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress: done, total, message } }));
      };
      const finish = async (outcome: Settled<ToolOutput<object>>): Promise<CallToolResult> => {
        await Promise.all(progressSent);
        if (outcome.kind === 'failed' && ctx.mcpReq.signal.aborted) {
          // A cancel is the client's choice, not a rejected input: logged quietly, never counted by the monitor.
          logger.info({ event: 'tool_cancelled', tool: tool.name }, 'tool call cancelled; nothing was stored');
          return { content: [{ type: 'text', text: describeError(new InputError('CANCELLED', 'Cancelled by the client; nothing was stored.'), newCorrelationId()).text }], isError: true };
        }
        if (outcome.kind === 'failed') return errorResult(outcome.error, logger, { tool: tool.name, onRejected: (code) => workspace.monitor.recordRejection(code) });
        const output = outcome.value;
        return successResult({ ...output, structured: redactDeep(output.structured, scrub) as object, text: scrub(output.text) });
      };
      const budget = toolCalls.take(principal);
      if (!budget.allowed) return finish({ kind: 'failed', error: new InputError('RATE_LIMITED', `Too many tool calls: ${workspace.config.toolCallsPerMinute} a minute are allowed; try again in ${budget.retryAfterSeconds} s.`) });
      const contextWith = (signal: AbortSignal, progress: ToolContext['progress'], sampling: SamplingAccess | null, elicit: ToolContext['elicit']): ToolContext => ({ session, logger, allowedRoots, signal, progress, sampling, elicit });

      if (era() === 'legacy') {
        return finish(await settle((async () => tool.handler(args as never, contextWith(ctx.mcpReq.signal, report, pushSampling(ctx), pushElicitation(ctx))))()));
      }

      // 2026-07-28: asks travel inside input_required results, and the retry resumes the same call.
      let call: SuspendedCall<ToolOutput<object>>;
      if (ctx.mcpReq.requestState() === undefined) {
        const sampling = Boolean(clientCapabilities(ctx)?.sampling);
        const forms = canShowForms(ctx);
        call = new SuspendedCall(principal, tool.name, async (self) =>
          tool.handler(args as never, contextWith(self.signal, (done, total, message) => self.progress(done, total, message), sampling ? inBandSampling(self) : null, forms ? inBandElicitation(self) : null)),
        );
      } else {
        const resumed = suspendedCalls.take<ToolOutput<object>>(principal, tool.name, ctx.mcpReq.requestState());
        if (!resumed) return finish({ kind: 'failed', error: new InputError('INPUT_ROUND_EXPIRED', 'This call is no longer waiting for input (it finished, expired or was never started); call the tool again.') });
        call = resumed;
        call.deliver(ctx.mcpReq.inputResponses ?? {});
      }
      const outcome = await call.round(ctx.mcpReq.signal, report);
      if (outcome.kind !== 'input_required') return finish(outcome);
      suspendedCalls.park(call as SuspendedCall<unknown>);
      await Promise.all(progressSent);
      return outcome.result;
    };
    server.registerTool(tool.name, { title: tool.title, description: tool.description, inputSchema: tool.inputSchema, outputSchema: tool.outputSchema, annotations: tool.annotations }, handle);
  }

  registerResources(server, session);
  registerPrompts(server, session);

  // Only the principal whose list changed hears about it: another's activity is not a signal to leak.
  const unsubscribe = workspace.onChange((_kind, owner) => {
    if (owner === principal && server.isConnected()) void server.sendResourceListChanged();
  });
  // A level set by the client holds for its principal: over stateless HTTP the next request meets a fresh server.
  server.server.setRequestHandler('logging/setLevel', async (request) => {
    logLevels.set(principal, request.params.level);
    return {};
  });
  // Clients that set a log level follow their own principal's events (already redacted, never transcript text).
  // Per connection on stdio; over HTTP and on 2026-07-28 requests, on the stream of the tool call in flight.
  const unfollowLogs = workspace.logFeed.subscribe((event) => {
    if (event.principal !== principal || !server.isConnected()) return;
    const perCall = remote || era() === 'modern';
    const call = perCall ? [...callsInFlight].at(-1) : undefined;
    if (perCall && !call) return;
    const minimum = era() === 'modern' ? (call!.mcpReq.envelope as Record<string, LoggingLevel | undefined> | undefined)?.[LOG_LEVEL_META_KEY] : logLevels.get(principal);
    const { level, time: _time, pid: _pid, hostname: _hostname, service: _service, ...data } = event;
    const params = { level: mcpLevel(level), logger: PACKAGE_NAME, data };
    if (minimum === undefined || LOG_SEVERITY.indexOf(params.level) < LOG_SEVERITY.indexOf(minimum)) return;
    const sent = call ? call.mcpReq.notify({ method: 'notifications/message', params }) : server.sendLoggingMessage(params);
    void sent.catch(() => undefined);
  });
  server.server.onclose = () => {
    unsubscribe();
    unfollowLogs();
  };
  return server;
}
