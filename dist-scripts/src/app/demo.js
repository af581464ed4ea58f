/**
 * The bundled example transcript, preloaded as `demo-quest` with DEMO_MODE or
 * `serve --demo`, and used by the CLI quick start.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAllowedRoots } from '../adapters/files/safe-path.js';
export const DEMO_TRANSCRIPT_ID = 'demo-quest';
/** dist/app/demo.js and src/app/demo.ts both sit two levels below the package root. */
export const EXAMPLES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
export const DEMO_TRANSCRIPT_FILE = path.join(EXAMPLES_DIR, 'quest_enterprises_project_kickoff_transcript.vtt');
export async function loadDemoTranscript(session) {
    const roots = await resolveAllowedRoots([EXAMPLES_DIR], EXAMPLES_DIR);
    return session.loadTranscript({ path: DEMO_TRANSCRIPT_FILE, title: 'Quest Enterprises project kickoff (demo)' }, { roots, id: DEMO_TRANSCRIPT_ID });
}
