import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { FIELD_NAMES, FIELDS, SECTION_SLUGS, SECTIONS, sectionsUsingField, validateFieldValue } from './catalogue.js';

function fieldError(name: string, raw: unknown): AppError {
  try {
    validateFieldValue(name, raw);
  } catch (error) {
    return error as AppError;
  }
  throw new Error(`${name}=${JSON.stringify(raw)} was accepted`);
}

describe('section catalogue', () => {
  it('lists the 11 sections in snapshot order with their slugs', () => {
    expect(SECTIONS.map((section) => [section.slug, section.title])).toEqual([
      ['customer_information', 'Customer Information'],
      ['background', 'Background'],
      ['solution', 'Solution'],
      ['engagement_details', 'Engagement Details'],
      ['results_achievements', 'Results and Achievements'],
      ['adoption_usage', 'Adoption and Usage'],
      ['financial_impact', 'Financial Impact'],
      ['long_term_impact', 'Long-Term Impact'],
      ['visuals', 'Visuals'],
      ['additional_commentary', 'Additional Commentary'],
      ['executive_summary', 'Executive Summary'],
    ]);
    expect(SECTION_SLUGS).toHaveLength(11);
  });

  it('gives every section a description, ranking vocabulary and known fields', () => {
    for (const section of SECTIONS) {
      expect(section.description.length).toBeGreaterThan(30);
      if (section.slug !== 'executive_summary') expect(section.vocabulary.length).toBeGreaterThan(5);
      for (const name of [...section.requiredFields, ...section.valuableFields]) expect(FIELD_NAMES).toContain(name);
    }
  });

  it('states what the brief requires of Customer Information and Financial Impact', () => {
    const byslug = new Map(SECTIONS.map((section) => [section.slug, section]));
    expect(byslug.get('customer_information')!.requiredFields).toEqual(['company_name', 'industry']);
    expect(byslug.get('financial_impact')!.valuableFields).toEqual(['cost_savings', 'revenue_increase', 'roi_percentage']);
  });

  it('knows which sections show a field, always with the executive summary', () => {
    expect(sectionsUsingField('cost_savings')).toEqual(['results_achievements', 'financial_impact', 'executive_summary']);
    expect(sectionsUsingField('contact_email')).toEqual(['customer_information', 'executive_summary']);
  });
});

describe('field catalogue', () => {
  it('describes all 15 fields, each with an example its own validation accepts', () => {
    expect(FIELD_NAMES).toHaveLength(15);
    for (const name of FIELD_NAMES) {
      const spec = FIELDS[name];
      expect(spec.label.length).toBeGreaterThan(2);
      expect(spec.description.length).toBeGreaterThan(10);
      expect(['string', 'date', 'money', 'percentage', 'integer', 'email']).toContain(spec.type);
      expect(validateFieldValue(name, spec.example)).toEqual(spec.example);
    }
  });

  it('accepts ISO calendar dates only', () => {
    expect(validateFieldValue('start_date', ' 2024-07-14 ')).toBe('2024-07-14');
    expect(fieldError('start_date', '2024-02-30').message).toMatch(/YYYY-MM-DD/);
    expect(fieldError('completion_date', 'July 26, 2024').code).toBe('FIELD_INVALID');
  });

  it('normalises counts, percentages, money and e-mails', () => {
    expect(validateFieldValue('user_count', '1,200')).toBe(1200);
    expect(validateFieldValue('user_count', 420)).toBe(420);
    expect(validateFieldValue('adoption_rate', 35)).toBe('35%');
    expect(validateFieldValue('roi_percentage', '240 percent')).toBe('240%');
    expect(validateFieldValue('efficiency_improvement', 'from 42 days to 27 days (36% less time)')).toBe('from 42 days to 27 days (36% less time)');
    expect(validateFieldValue('efficiency_improvement', '35 percent')).toBe('35%');
    expect(validateFieldValue('efficiency_improvement', 'five hours a week saved')).toBe('five hours a week saved');
    expect(validateFieldValue('cost_savings', '$1,400,000 per year')).toBe('$1,400,000 per year');
    expect(validateFieldValue('contact_email', 'Dana.Okafor@Example.com')).toBe('dana.okafor@example.com');
  });

  it('rejects values that do not fit, with a message naming the field', () => {
    expect(fieldError('user_count', '12.5').message).toMatch(/Users \(user_count\)/);
    expect(fieldError('user_count', -3).code).toBe('FIELD_INVALID');
    expect(fieldError('contact_email', 'dana at example').message).toMatch(/e-mail/);
    expect(fieldError('adoption_rate', 'most of them').message).toMatch(/percentage/);
    expect(fieldError('efficiency_improvement', 'a lot faster').message).toMatch(/time before and after/);
    expect(fieldError('cost_savings', 'a lot').code).toBe('FIELD_INVALID');
    expect(fieldError('company_name', '   ').message).toMatch(/empty/);
    expect(fieldError('favourite_colour', 'blue').message).toMatch(/Unknown field/);
  });

  it('answers a value of the wrong kind with the field\'s type and example', () => {
    expect(fieldError('company_name', 42).message).toBe('Company (company_name) must be a string value, e.g. "Northwind Freight".');
    expect(fieldError('user_count', '12.5').message).toBe('Users (user_count) must be a integer value, e.g. 420.');
    expect(fieldError('adoption_rate', Number.NaN).message).toBe('Adoption rate (adoption_rate) must be a percentage value, e.g. "92%".');
    expect(fieldError('cost_savings', Number.POSITIVE_INFINITY).message).toMatch(/must be a money value/);
    expect(fieldError('start_date', null).message).toMatch(/must be a date value/);
  });

  it('checks counts, amounts and addresses to the limit', () => {
    expect(fieldError('user_count', 1e9 + 1).message).toMatch(/implausibly large/);
    expect(fieldError('user_count', 2 ** 53).message).toMatch(/whole number/);
    expect(fieldError('cost_savings', -5).message).toBe('Cost savings (cost_savings) must not be negative.');
    expect(validateFieldValue('cost_savings', 1250000)).toBe('$1,250,000');
    expect(validateFieldValue('user_count', '007')).toBe(7);
    expect(fieldError('contact_email', '.dana@example.com').message).toMatch(/e-mail/);
    expect(fieldError('contact_email', 'dana@example.c').message).toMatch(/e-mail/);
    expect(fieldError('start_date', '2024-02-30').message).toMatch(/calendar date/);
    expect(fieldError('industry', 'x'.repeat(121)).message).toMatch(/at most 120 characters/);
  });
});
