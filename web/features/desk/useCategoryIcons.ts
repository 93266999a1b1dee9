import { useMemo } from 'react';
import { useCategories } from '../../api/reference';
import { DEFAULT_ICON, iconEmoji } from '../reports/categoryIcons';

/** Emoji per category code (the staff views carry the code, the category list carries the icon). */
export function useCategoryIcons(): (code: string) => string {
  const { data } = useCategories();
  return useMemo(() => {
    const map = new Map((data ?? []).map((c) => [c.code, iconEmoji(c.icon)]));
    return (code: string) => map.get(code) ?? DEFAULT_ICON;
  }, [data]);
}
