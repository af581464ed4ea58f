/** The README and .env.example a newcomer reads stay true to what the code reads and answers. */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';
import { ERROR_CODES } from '../src/core/errors.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const envExample = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');

/** A README table row whose first cell names `word` in backticks. */
function tableRowNaming(word: string): RegExp {
  return new RegExp(`^\\|[^|]*\`${word}\``, 'm');
}

describe('documentation', () => {
  it('documents every configuration variable in the README table and in .env.example', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(30);
    for (const variable of CONFIG_VARIABLES) {
      expect(readme, variable).toMatch(tableRowNaming(variable));
      expect(envExample, variable).toMatch(new RegExp(`^#? ?${variable}=`, 'm'));
    }
  });

  it('explains every error code: tool errors in the README table, model fallbacks where the engines are described', () => {
    for (const code of ERROR_CODES) {
      if (code.startsWith('LLM_')) expect(readme, code).toContain(`\`${code}\``);
      else expect(readme, code).toMatch(tableRowNaming(code));
    }
  });
});
