/**
 * Resources: transcripts as text, snapshots as JSON, Markdown, HTML and
 * single sections, and the field definitions. Every id and slug variable
 * completes; lists are per principal.
 */

import { type McpServer, ResourceNotFoundError, ResourceTemplate } from '@modelcontextprotocol/server';
import type { WorkspaceSession } from '../app/workspace.js';
import { isAppError } from '../core/errors.js';
import { renderSnapshotHtml } from '../core/render/html.js';
import { renderSnapshotJson } from '../core/render/json.js';
import { renderSnapshotMarkdown } from '../core/render/markdown.js';
import { FIELDS, FIELD_NAMES, SECTION_SLUGS } from '../core/snapshot/catalogue.js';
import type { FieldName, SectionSlug } from '../core/snapshot/types.js';
import { formatTurns } from '../core/transcript/format-lines.js';
import { snapshotUri } from './tools/snapshots.js';
import { transcriptUri } from '../core/analysis/summary.js';

function variable(value: string | string[] | undefined): string {
  return decodeURIComponent(Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
}

function startingWith(values: string[], prefix: string): string[] {
  return values.filter((value) => value.startsWith(prefix)).slice(0, 100);
}

/** Unknown, expired and other principals' ids all read as "not found". */
function orNotFound<T>(uri: URL, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAppError(error)) throw new ResourceNotFoundError(uri.href, error.message);
    throw error;
  }
}

export function registerResources(server: McpServer, session: WorkspaceSession): void {
  const transcriptIds = (prefix: string) => startingWith(session.listTranscripts().map((t) => t.id), prefix);
  const snapshotIds = (prefix: string) => startingWith(session.listSnapshots().map((s) => s.id), prefix);

  server.registerResource(
    'transcript',
    new ResourceTemplate('transcript://{id}', {
      list: () => ({
        resources: session.listTranscripts().map((t) => ({ uri: transcriptUri(t.id), name: t.title, mimeType: 'text/plain', description: `${t.format} transcript, ${t.turns.length} turns` })),
      }),
      complete: { id: transcriptIds },
    }),
    { title: 'Transcript', description: 'A loaded transcript, one turn a line: [hh:mm:ss] Speaker: text', mimeType: 'text/plain' },
    (uri, vars) => orNotFound(uri, () => ({ contents: [{ uri: uri.href, mimeType: 'text/plain', text: formatTurns(session.getTranscript(variable(vars.id)).turns) }] })),
  );

  server.registerResource(
    'snapshot',
    new ResourceTemplate('snapshot://{id}', {
      list: () => ({
        resources: session.listSnapshots().map((s) => ({ uri: snapshotUri(s.id), name: s.title, mimeType: 'application/json', description: `Snapshot of ${s.transcript_id}` })),
      }),
      complete: { id: snapshotIds },
    }),
    { title: 'Snapshot (JSON)', description: 'A Customer Success Snapshot in the JSON contract', mimeType: 'application/json' },
    (uri, vars) => orNotFound(uri, () => ({ contents: [{ uri: uri.href, mimeType: 'application/json', text: renderSnapshotJson(session.getSnapshot(variable(vars.id))) }] })),
  );

  server.registerResource(
    'snapshot-markdown',
    new ResourceTemplate('snapshot://{id}/markdown', { list: undefined, complete: { id: snapshotIds } }),
    { title: 'Snapshot (Markdown)', description: 'The snapshot as a Markdown case-study document', mimeType: 'text/markdown' },
    (uri, vars) => orNotFound(uri, () => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderSnapshotMarkdown(session.getSnapshot(variable(vars.id))) }] })),
  );

  server.registerResource(
    'snapshot-html',
    new ResourceTemplate('snapshot://{id}/html', { list: undefined, complete: { id: snapshotIds } }),
    { title: 'Snapshot (HTML report)', description: 'The snapshot as one self-contained HTML file with charts', mimeType: 'text/html' },
    (uri, vars) => orNotFound(uri, () => ({ contents: [{ uri: uri.href, mimeType: 'text/html', text: renderSnapshotHtml(session.getSnapshot(variable(vars.id))) }] })),
  );

  server.registerResource(
    'snapshot-section',
    new ResourceTemplate('snapshot://{id}/section/{slug}', { list: undefined, complete: { id: snapshotIds, slug: (prefix) => startingWith([...SECTION_SLUGS], prefix) } }),
    { title: 'Snapshot section', description: 'One section of a snapshot, as Markdown', mimeType: 'text/markdown' },
    (uri, vars) =>
      orNotFound(uri, () => {
        const slug = variable(vars.slug);
        if (!(SECTION_SLUGS as readonly string[]).includes(slug)) throw new ResourceNotFoundError(uri.href, 'No section with that slug.');
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderSnapshotMarkdown(session.getSnapshot(variable(vars.id)), { section: slug as SectionSlug }) }] };
      }),
  );

  server.registerResource(
    'field',
    new ResourceTemplate('field://{name}', {
      list: () => ({ resources: FIELD_NAMES.map((name) => ({ uri: `field://${name}`, name: FIELDS[name].label, mimeType: 'application/json', description: FIELDS[name].description })) }),
      complete: { name: (prefix) => startingWith([...FIELD_NAMES], prefix) },
    }),
    { title: 'Snapshot field definition', description: 'What a snapshot field means, its type, an example and how it is validated', mimeType: 'application/json' },
    (uri, vars) => {
      const name = variable(vars.name);
      if (!(FIELD_NAMES as readonly string[]).includes(name)) throw new ResourceNotFoundError(uri.href, 'No field with that name.');
      const { label, description, type, example } = FIELDS[name as FieldName];
      return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ name, label, description, type, example }, null, 2) }] };
    },
  );
}
