/**
 * The snapshot engine's public surface: the catalogue (sections and fields as
 * data, field validation), the offline builder, the field-update rebuild, and
 * the validator other engines' snapshots also go through.
 */

export {
  FIELDS,
  FIELD_NAMES,
  SECTIONS,
  SECTION_SLUGS,
  isFieldName,
  sectionSpec,
  sectionsUsingField,
  validateFieldValue,
  type FieldSpec,
  type FieldType,
  type SectionSpec,
} from './catalogue.js';
export { CLIENT_WRITER, OFFLINE_ENGINE, buildSnapshot, rebuildAfterFieldUpdate, rebuildWithFields, type BuildSnapshotOptions } from './build.js';
export { findSuspiciousTurns, isGrounded, suspiciousKind, validateSnapshot } from './validate.js';
export { maskSnapshotPersonalData } from './mask-pii.js';
export { checkFieldValue, type FieldCheck, type FieldCheckContext } from './field-check.js';
export { NOT_A_CUSTOMER_CALL } from './gate.js';
export * from './types.js';
