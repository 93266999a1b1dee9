import { describe, expect, it } from 'vitest';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { translate } from '../../i18n';
import { answersToAttributes, parseNumber, sortedQuestions, validateAnswers } from './questions';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('vi', key, params);

const q = (patch: Partial<CategoryQuestion> & Pick<CategoryQuestion, 'code' | 'datatype'>): CategoryQuestion => ({
  label: { vi: patch.code, en: patch.code },
  required: false,
  order: 0,
  ...patch,
});
const questions = [
  q({ code: 'pole_number', datatype: 'string', required: true, order: 1 }),
  q({ code: 'lamps_out', datatype: 'number', order: 2 }),
  q({
    code: 'hazards',
    datatype: 'multivaluelist',
    required: true,
    order: 3,
    values: [
      { key: 'wires', name: { vi: 'Dây điện hở', en: 'Exposed wires' } },
      { key: 'dark', name: { vi: 'Tối hoàn toàn', en: 'Completely dark' } },
    ],
  }),
  q({
    code: 'since',
    datatype: 'singlevaluelist',
    order: 0,
    values: [{ key: 'today', name: { vi: 'Hôm nay', en: 'Today' } }],
  }),
];

describe('category questions', () => {
  it('asks in the category’s order', () => {
    expect(sortedQuestions(questions).map((x) => x.code)).toEqual(['since', 'pole_number', 'lamps_out', 'hazards']);
  });

  it('flags unanswered required questions under their attributes path, and bad numbers', () => {
    expect(validateAnswers(questions, { lamps_out: 'ba' }, t)).toEqual({
      'attributes.pole_number': 'Không được để trống.',
      'attributes.lamps_out': 'Phải là một số.',
      'attributes.hazards': 'Vui lòng chọn một mục.',
    });
    expect(validateAnswers(questions, { pole_number: 'TH-0412', hazards: ['dark'], lamps_out: '2,5' }, t)).toEqual({});
  });

  it('sends only answered questions of this category, lists as lists, numbers with a dot', () => {
    expect(
      answersToAttributes(questions, {
        pole_number: ' TH-0412 ',
        lamps_out: '2,5',
        hazards: ['wires', 'not-a-value'],
        since: '',
        stale_question_of_another_category: 'x',
      }),
    ).toEqual({ pole_number: 'TH-0412', lamps_out: '2.5', hazards: ['wires'] });
    expect(answersToAttributes(questions, {})).toBeUndefined();
  });

  it('reads a Vietnamese decimal comma', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('12a')).toBeNull();
  });
});
