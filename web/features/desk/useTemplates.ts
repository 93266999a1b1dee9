import type { ReplyTemplate } from '../../../shared/schemas/admin';
import { templatesApi, type TemplateAction } from '../../api/endpoints';
import { useAsync } from '../../api/useAsync';

/** Reply templates for a report's category and an action; empty while loading or when none apply. */
export function useTemplates(
  categoryCode: string | undefined,
  action: TemplateAction | null,
): readonly ReplyTemplate[] {
  const key = categoryCode && action ? `templates:${categoryCode}:${action}` : null;
  const state = useAsync(key, (signal) =>
    templatesApi.list({ categoryCode: categoryCode ?? '', action: action ?? 'resolve' }, signal),
  );
  return state.data?.items ?? [];
}
