import { LIMITS } from '../../../shared/domain/limits';
import type { CategoryQuestion } from '../../../shared/schemas/categories';
import type { I18n } from '../../i18n';
import type { Draft } from './draft';
import { validateAnswers } from './questions';

/** What the form checks before sending (the server checks everything again). Keys are API field paths. */
export function validateDraft(
  draft: Draft,
  t: I18n['t'],
  questions: readonly CategoryQuestion[] = [],
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!draft.categoryCode) errors.categoryCode = t('report.category.required');
  if (draft.locationMode === 'address') {
    if (!draft.address.trim()) errors.address = t('report.address.required');
    if (!draft.areaCode) errors.areaCode = t('report.ward.required');
  } else if (draft.lat === null || draft.lng === null) {
    errors.lat = t('report.location.required');
  }
  if (draft.description.trim().length < LIMITS.descriptionMin) {
    errors.description = t('report.description.tooShort', { min: LIMITS.descriptionMin });
  }
  return { ...errors, ...validateAnswers(questions, draft.attributes, t) };
}
