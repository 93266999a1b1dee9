import { CreateReportInput } from '../../../shared/schemas/reports';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import type { I18n } from '../../i18n';
import { localizeFieldMessage } from '../reports/fieldMessages';
import { answersToAttributes, validateAnswers, type Answers } from '../reports/questions';

/** How a caller reached the IOC when an operator files on their behalf. */
export type CallerChannel = 'hotline' | 'walk_in';

/** What the operator has typed in the "file for a caller" form. */
export interface CallerDraft {
  channel: CallerChannel;
  categoryCode: string;
  /** A point on the map, or a street address with its ward. */
  mode: 'map' | 'address';
  point: [number, number] | null;
  address: string;
  areaCode: string;
  description: string;
  name: string;
  phone: string;
  answers: Answers;
}

/** A blank form, on the hotline. */
export const EMPTY_CALLER: CallerDraft = {
  channel: 'hotline',
  categoryCode: '',
  mode: 'map',
  point: null,
  address: '',
  areaCode: '',
  description: '',
  name: '',
  phone: '',
  answers: {},
};

/** The `POST /api/reports` body for the draft (the same contract as the resident form, with the channel). */
export function callerBody(d: CallerDraft, questions: readonly CategoryQuestion[]): CreateReportInput {
  const onMap = d.mode === 'map' && d.point !== null;
  return {
    categoryCode: d.categoryCode,
    ...(onMap ? { lat: d.point![0], lng: d.point![1] } : {}),
    ...(d.mode === 'address' ? { areaCode: d.areaCode } : {}),
    address: d.address,
    description: d.description,
    channel: d.channel,
    contact: { name: d.name, phone: d.phone },
    attributes: answersToAttributes(questions, d.answers),
  };
}

/** Errors keyed by field path (the server's names), checked with the shared schema before sending. */
export function validateCaller(
  d: CallerDraft,
  questions: readonly CategoryQuestion[],
  t: I18n['t'],
): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = CreateReportInput.safeParse(callerBody(d, questions));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= localizeFieldMessage(issue.message, t);
  }
  if (!d.categoryCode) errors.categoryCode = t('field.required');
  if (d.mode === 'map' && d.point === null) {
    delete errors.address;
    delete errors.areaCode;
    errors.location = t('caller.pickPoint');
  }
  return { ...errors, ...validateAnswers(questions, d.answers, t) };
}
