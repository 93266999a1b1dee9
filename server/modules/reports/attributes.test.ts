import { describe, expect, it } from 'vitest';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { AppError } from '../../domain/app-error';
import { validateAttributes } from './attributes';

const name = (vi: string) => ({ vi, en: vi });
const QUESTIONS: CategoryQuestion[] = [
  {
    code: 'fault',
    label: name('Đèn hỏng như thế nào?'),
    datatype: 'singlevaluelist',
    required: true,
    order: 1,
    values: [
      { key: 'off', name: name('Không sáng') },
      { key: 'day', name: name('Sáng ban ngày') },
    ],
  },
  { code: 'pole_number', label: name('Số hiệu cột'), datatype: 'string', required: false, order: 2 },
  { code: 'height_m', label: name('Chiều cao'), datatype: 'number', required: false, order: 3 },
  {
    code: 'hazards',
    label: name('Nguy hiểm'),
    datatype: 'multivaluelist',
    required: false,
    order: 4,
    values: [
      { key: 'wire', name: name('Dây điện') },
      { key: 'glass', name: name('Kính vỡ') },
    ],
  },
];

const errorsOf = (input: Record<string, string | string[]> | undefined) => {
  try {
    validateAttributes(QUESTIONS, input);
    return [];
  } catch (e) {
    return (e as AppError).fieldErrors;
  }
};

describe("a category's extra questions", () => {
  it('keeps valid answers and drops empty optional ones', () => {
    expect(
      validateAttributes(QUESTIONS, {
        fault: 'off',
        pole_number: ' TH-0512 ',
        height_m: '',
        hazards: ['wire', 'glass'],
      }),
    ).toEqual({
      fault: 'off',
      pole_number: 'TH-0512',
      hazards: ['wire', 'glass'],
    });
  });

  it.each([
    ['a required answer missing', {}, 'attributes.fault', 'is required'],
    ['a value not in the list', { fault: 'broken' }, 'attributes.fault', 'must be one of: off, day'],
    ['a number that is not one', { fault: 'off', height_m: 'cao' }, 'attributes.height_m', 'must be a number'],
    [
      'a list value not allowed',
      { fault: 'off', hazards: ['fire'] },
      'attributes.hazards',
      'must be among: wire, glass',
    ],
    ['an unknown question', { fault: 'off', colour: 'red' }, 'attributes.colour', 'is not a question of this category'],
  ])('refuses %s, naming the field', (_, input, path, message) => {
    expect(errorsOf(input)).toContainEqual({ path, message });
  });
});
