import type { CategoryDto } from '../../../shared/schemas/categories';
import { useI18n } from '../../i18n';
import { iconEmoji } from './categoryIcons';

/** Step 1: one large button per category. */
export function CategoryStep({
  categories,
  value,
  error,
  onChoose,
}: {
  categories: CategoryDto[];
  value: string;
  error?: string;
  onChoose: (code: string) => void;
}) {
  const { name } = useI18n();
  return (
    <>
      <div className="category-grid" role="group" aria-describedby={error ? 'err-categoryCode' : undefined}>
        {categories.map((c) => (
          <button
            key={c.code}
            type="button"
            className={`category-button${c.code === value ? ' selected' : ''}`}
            aria-pressed={c.code === value}
            data-category={c.code}
            onClick={() => onChoose(c.code)}
          >
            <span className="category-icon" aria-hidden="true">
              {iconEmoji(c.icon)}
            </span>
            <span className="category-name">{name(c.name)}</span>
          </button>
        ))}
      </div>
      {error && (
        <p id="err-categoryCode" className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
