/**
 * The language-model snapshot pipeline's pure parts: preparing the transcript
 * for a prompt, chunking it, the prompts and answer schemas, merging what the
 * map calls found, verifying what the model wrote, and assembling the
 * snapshot. The calls themselves are made by `app/llm-snapshot.ts` through
 * the adapters in `adapters/llm/`.
 */

export { prepareTranscript, dataMarkers, WITHHELD_TEXT, type PreparedTranscript, type PromptTurn } from './prompt-safety.js';
export { DEFAULT_CHUNK_TOKENS } from './chunk-budget.js';
export { planChunks, renderTurnLine, type ChunkPlan, type CountTokens, type TranscriptChunk } from './chunking.js';
export {
  extractAndWriteRequest,
  extractRequest,
  repairRequest,
  writeRequest,
  WRITER_GROUPS,
  type ModelRequest,
  type ModelStage,
} from './prompts.js';
export { OUTPUT_SCHEMAS, parseModelOutput, FACT_SECTIONS, type FieldCandidateOutput, type OutputKind, type ParsedOutput, type SectionDraftOutput } from './schemas.js';
export { factsFor, mergeFacts, mergeFields, type MergedFact } from './merge.js';
export { Grounder, countDrop, describeDrops, locateQuote, totalDrops, verifyClaims, type DropReason, type DropTally, type VerifiedClaim } from './verify.js';
export { assembleSnapshot, renderSection, summaryClaimsBackedElsewhere, type SectionOutcome } from './assemble.js';
export { findGap, repairTurns, type Gap } from './gaps.js';
