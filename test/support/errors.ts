/** The AppError a function throws; fails the test when it throws something else or nothing. */

import { AppError } from '../../src/core/errors.js';

export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
