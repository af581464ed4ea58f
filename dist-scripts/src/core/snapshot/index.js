/**
 * The snapshot engine's public surface: the catalogue (sections and fields as
 * data, field validation), the offline builder, the field-update rebuild, and
 * the validator other engines' snapshots also go through.
 */
export { FIELDS, FIELD_NAMES, SECTIONS, SECTION_SLUGS, isFieldName, sectionSpec, sectionsUsingField, validateFieldValue, } from './catalogue.js';
export { OFFLINE_ENGINE, buildSnapshot, rebuildAfterFieldUpdate } from './build.js';
export { findSuspiciousTurns, isGrounded, validateSnapshot } from './validate.js';
export * from './types.js';
