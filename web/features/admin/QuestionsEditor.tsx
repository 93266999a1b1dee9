import { useRef, useState } from 'react';
import { QUESTION_DATATYPES } from '../../../shared/schemas/categories';
import { fieldId, LiveStatus } from './form';
import { CheckField, GroupError, SelectField, TextField } from './fields';
import {
  LIST_DATATYPES,
  moveItem,
  newQuestion,
  newValue,
  type Datatype,
  type QuestionForm,
  type ValueForm,
} from './categoryForm';
import { useMessages } from './messages';

/** Focus an element by id once React has put it in place. */
const focusLater = (id: string) => queueMicrotask(() => document.getElementById(id)?.focus());

/**
 * The extra questions of a category: add, remove, reorder (buttons, so the keyboard can do it), and
 * for list questions their allowed values. Paths follow the API (`questions.2.label.vi`) so the
 * server's errors land on the right field.
 */
export function QuestionsEditor({
  formId,
  questions,
  onChange,
}: {
  formId: string;
  questions: QuestionForm[];
  onChange: (next: QuestionForm[]) => void;
}) {
  const m = useMessages();
  const [status, setStatus] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const update = (i: number, patch: Partial<QuestionForm>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));

  const add = () => {
    const q = newQuestion();
    onChange([...questions, q]);
    setStatus(m('questions.added', { n: questions.length + 1 }));
    focusLater(fieldId(formId, `questions.${questions.length}.code`));
  };
  const remove = (i: number) => {
    onChange(questions.filter((_, j) => j !== i));
    setStatus(m('questions.removed', { n: i + 1 }));
    const prev = questions[i - 1];
    queueMicrotask(() => (prev ? document.getElementById(`${prev.id}-title`) : addButton.current)?.focus());
  };
  const move = (i: number, by: -1 | 1) => {
    const q = questions[i]!;
    const to = i + by;
    onChange(moveItem(questions, i, by));
    setStatus(m('questions.moved', { n: to + 1 }));
    // The button moved with its question; at either end it is disabled, so its neighbour takes the focus.
    const atEnd = to === 0 || to === questions.length - 1;
    focusLater(`${q.id}-${atEnd ? (by < 0 ? 'down' : 'up') : by < 0 ? 'up' : 'down'}`);
  };

  return (
    <div className="questions-editor" data-testid="questions-editor">
      <LiveStatus message={status} tone="info" />
      {questions.length === 0 && <p className="hint">{m('questions.none')}</p>}
      <ol className="question-list">
        {questions.map((q, i) => (
          <li key={q.id} className="question-card" data-testid="question" data-code={q.code}>
            <div className="question-head">
              <h3 id={`${q.id}-title`} tabIndex={-1}>
                {m('questions.number', { n: i + 1 })}
                {q.code && (
                  <>
                    {' '}
                    <code>{q.code}</code>
                  </>
                )}
              </h3>
              <div className="question-tools" role="group" aria-label={m('questions.tools', { n: i + 1 })}>
                <button
                  id={`${q.id}-up`}
                  type="button"
                  className="btn btn-small btn-secondary"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={m('questions.moveUp', { n: i + 1 })}
                >
                  <span aria-hidden="true">↑</span>
                </button>
                <button
                  id={`${q.id}-down`}
                  type="button"
                  className="btn btn-small btn-secondary"
                  disabled={i === questions.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={m('questions.moveDown', { n: i + 1 })}
                >
                  <span aria-hidden="true">↓</span>
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger-outline"
                  onClick={() => remove(i)}
                  aria-label={m('questions.remove', { n: i + 1 })}
                >
                  {m('common.remove')}
                </button>
              </div>
            </div>
            <div className="admin-grid-3">
              <TextField
                path={`questions.${i}.code`}
                label={m('questions.code')}
                hint={m('questions.codeHint')}
                value={q.code}
                spellCheck={false}
                onChange={(code) => update(i, { code })}
              />
              <SelectField
                path={`questions.${i}.datatype`}
                label={m('questions.datatype')}
                value={q.datatype}
                onChange={(v) => {
                  const datatype = v as Datatype;
                  const list = LIST_DATATYPES.includes(datatype);
                  update(i, { datatype, values: list && q.values.length === 0 ? [newValue()] : q.values });
                }}
                options={QUESTION_DATATYPES.map((d) => ({ value: d, label: m(`datatype.${d}`) }))}
              />
              <CheckField
                path={`questions.${i}.required`}
                label={m('questions.required')}
                checked={q.required}
                onChange={(required) => update(i, { required })}
                className="check-inline"
              />
            </div>
            <div className="admin-grid-2">
              <TextField
                path={`questions.${i}.label.vi`}
                label={m('questions.labelVi')}
                lang="vi"
                value={q.labelVi}
                onChange={(labelVi) => update(i, { labelVi })}
              />
              <TextField
                path={`questions.${i}.label.en`}
                label={m('questions.labelEn')}
                lang="en"
                value={q.labelEn}
                onChange={(labelEn) => update(i, { labelEn })}
              />
              <TextField
                path={`questions.${i}.hint.vi`}
                label={m('questions.hintVi')}
                optional
                lang="vi"
                value={q.hintVi}
                onChange={(hintVi) => update(i, { hintVi })}
              />
              <TextField
                path={`questions.${i}.hint.en`}
                label={m('questions.hintEn')}
                optional
                lang="en"
                value={q.hintEn}
                onChange={(hintEn) => update(i, { hintEn })}
              />
            </div>
            {LIST_DATATYPES.includes(q.datatype) && (
              <ValuesEditor formId={formId} index={i} values={q.values} onChange={(values) => update(i, { values })} />
            )}
          </li>
        ))}
      </ol>
      <button ref={addButton} type="button" className="btn btn-secondary" onClick={add} data-testid="question-add">
        {m('questions.add')}
      </button>
    </div>
  );
}

/** The allowed answers of one list question. */
function ValuesEditor({
  formId,
  index,
  values,
  onChange,
}: {
  formId: string;
  index: number;
  values: ValueForm[];
  onChange: (next: ValueForm[]) => void;
}) {
  const m = useMessages();
  const base = `questions.${index}.values`;
  const update = (j: number, patch: Partial<ValueForm>) =>
    onChange(values.map((v, k) => (k === j ? { ...v, ...patch } : v)));
  return (
    <fieldset className="values-editor">
      <legend>{m('questions.values', { n: index + 1 })}</legend>
      <GroupError path={base} />
      {values.map((v, j) => (
        <div key={v.id} className="value-row">
          <TextField
            path={`${base}.${j}.key`}
            label={m('questions.valueKey', { n: j + 1 })}
            value={v.key}
            spellCheck={false}
            onChange={(key) => update(j, { key })}
          />
          <TextField
            path={`${base}.${j}.name.vi`}
            label={m('questions.valueVi', { n: j + 1 })}
            lang="vi"
            value={v.vi}
            onChange={(vi) => update(j, { vi })}
          />
          <TextField
            path={`${base}.${j}.name.en`}
            label={m('questions.valueEn', { n: j + 1 })}
            lang="en"
            value={v.en}
            onChange={(en) => update(j, { en })}
          />
          <button
            type="button"
            className="btn btn-small btn-danger-outline"
            onClick={() => {
              onChange(values.filter((_, k) => k !== j));
              focusLater(`${formId}-${base.replace(/\./g, '-')}-add`);
            }}
            aria-label={m('questions.removeValue', { n: j + 1, q: index + 1 })}
          >
            {m('common.remove')}
          </button>
        </div>
      ))}
      <button
        id={`${formId}-${base.replace(/\./g, '-')}-add`}
        type="button"
        className="btn btn-small btn-secondary"
        onClick={() => {
          onChange([...values, newValue()]);
          focusLater(fieldId(formId, `${base}.${values.length}.key`));
        }}
      >
        {m('questions.addValue')}
      </button>
    </fieldset>
  );
}
