import { useId, useState } from 'react';
import type { ReplyTemplate } from '../../../shared/schemas/admin';
import { useI18n } from '../../i18n';
import './resolve.css';

/** Puts a template's text into a field: as the whole text when the field is empty, else after what is there. */
export function insertTemplate(current: string, text: string): string {
  const kept = current.trimEnd();
  return kept ? `${kept}\n${text}` : text;
}

/**
 * A choice of reply templates (titles in the interface language) and a button that inserts the chosen
 * one's text, in the interface language, into the field it serves, to be edited before sending.
 * Nothing is shown when no template applies.
 */
export function TemplatePicker({
  templates,
  onInsert,
}: {
  templates: readonly ReplyTemplate[];
  onInsert: (text: string) => void;
}) {
  const { t, name } = useI18n();
  const uid = useId();
  const [chosen, setChosen] = useState<number | ''>('');
  if (templates.length === 0) return null;
  const picked = templates.find((tpl) => tpl.id === chosen);
  return (
    <div className="field template-picker" data-testid="template-picker">
      <label htmlFor={`${uid}-tpl`}>{t('desk.template')}</label>
      <div className="template-row">
        <select
          id={`${uid}-tpl`}
          value={chosen}
          data-testid="template-select"
          onChange={(e) => setChosen(e.target.value ? Number(e.target.value) : '')}
        >
          <option value="">{t('desk.template.choose')}</option>
          {templates.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {name(tpl.title)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-secondary"
          data-testid="template-insert"
          disabled={!picked}
          onClick={() => picked && onInsert(name(picked.text))}
        >
          {t('desk.template.insert')}
        </button>
      </div>
    </div>
  );
}
