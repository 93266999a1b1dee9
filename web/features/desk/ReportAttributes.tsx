import type { CategoryQuestion } from '../../../shared/schemas/categories';
import { useCategories } from '../../api/reference';
import { useI18n } from '../../i18n';
import { Fact } from '../../ui/Fact';

/** An answer as a person reads it: list keys become their names, lists are joined. */
export function answerText(
  question: CategoryQuestion | undefined,
  value: string | string[],
  name: (n: { vi: string; en: string }) => string,
): string {
  const values = Array.isArray(value) ? value : [value];
  const label = (v: string) => {
    const option = question?.values?.find((o) => o.key === v);
    return option ? name(option.name) : v;
  };
  return values.map(label).join(', ');
}

/** The answers to the category's extra questions, labelled with the questions (in their order). */
export function ReportAttributes({
  categoryCode,
  attributes,
}: {
  categoryCode: string;
  attributes: Record<string, string | string[]>;
}) {
  const { t, name } = useI18n();
  const categories = useCategories();
  const questions = categories.data?.find((c) => c.code === categoryCode)?.questions ?? [];
  const answered = Object.entries(attributes).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : v !== ''));
  if (answered.length === 0) return null;
  const order = (code: string) => questions.find((q) => q.code === code)?.order ?? Number.MAX_SAFE_INTEGER;
  answered.sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  return (
    <>
      <h3 className="section-title">{t('detail.attributes')}</h3>
      <dl className="facts" data-testid="report-attributes">
        {answered.map(([code, value]) => {
          const q = questions.find((x) => x.code === code);
          return (
            <Fact key={code} label={q ? name(q.label) : code}>
              <span data-attribute={code}>{answerText(q, value, name)}</span>
            </Fact>
          );
        })}
      </dl>
    </>
  );
}
