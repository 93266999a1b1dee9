import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('the password policy', () => {
  it.each([
    ['ngắn-quá', 'must be at least 12 characters'],
    ['qwerty123456', 'is a commonly used password'],
    ['Password1234', 'is a commonly used password'],
    ['demo-city-2025', 'is a commonly used password'],
    ['x'.repeat(201), 'must be at most 200 characters'],
    ['đèn-đường-phú-yên', null],
  ])('judges %j: %s', (password, problem) => {
    expect(passwordProblem(password, isCommonPassword)).toBe(problem);
  });

  it('checks only the length where the list is not at hand (the web)', () => {
    expect(passwordProblem('qwerty123456')).toBeNull();
  });
});
