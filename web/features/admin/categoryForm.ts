import type { z } from 'zod';
import { PRIORITIES, type Priority } from '../../../shared/domain/channels';
import type { FieldError } from '../../../shared/domain/errors';
import type { AdminCategory, CategoryInput, PUBLIC_LOCATION_RULES } from '../../../shared/schemas/admin';
import { QUESTION_DATATYPES, type CategoryQuestion, type Deadline } from '../../../shared/schemas/categories';
import type { AdminT } from './messages';

/** Priorities that may have their own deadline (a `normal` report follows the category's deadline). */
export const OTHER_PRIORITIES = PRIORITIES.filter((p) => p !== 'normal') as Exclude<Priority, 'normal'>[];
/** Question datatypes whose answers are chosen from a list. */
export const LIST_DATATYPES: readonly Datatype[] = ['singlevaluelist', 'multivaluelist'];

export type Datatype = (typeof QUESTION_DATATYPES)[number];
export type DeadlineUnit = Deadline['unit'];
export type PublicLocation = (typeof PUBLIC_LOCATION_RULES)[number];

/** A deadline as typed: the number stays text until saving. */
export interface DeadlineForm {
  value: string;
  unit: DeadlineUnit;
}

/** One allowed answer of a list question. */
export interface ValueForm {
  id: string;
  key: string;
  vi: string;
  en: string;
}

/** One extra question as edited. */
export interface QuestionForm {
  id: string;
  code: string;
  labelVi: string;
  labelEn: string;
  hintVi: string;
  hintEn: string;
  datatype: Datatype;
  required: boolean;
  values: ValueForm[];
}

/** The category editor's state. */
export interface CategoryForm {
  code: string;
  nameVi: string;
  nameEn: string;
  group: string;
  groupVi: string;
  groupEn: string;
  icon: string;
  defaultPriority: Priority;
  deadline: DeadlineForm;
  /** Own deadlines for the other priorities; `on` = the category has one. */
  byPriority: Record<Exclude<Priority, 'normal'>, DeadlineForm & { on: boolean }>;
  questions: QuestionForm[];
  duplicateRadiusM: string;
  duplicateDays: string;
  reopenWindowDays: string;
  autoDispatch: boolean;
  publicLocation: PublicLocation;
  resolveNeedsReply: boolean;
  resolveNeedsPhoto: boolean;
  active: boolean;
  sortOrder: string;
}

/** The body of `POST /api/admin/categories`. */
export type CategoryBody = z.input<typeof CategoryInput>;

let seq = 0;
/** A local id for list items (React keys and element ids), never sent. */
export const localId = (prefix: string) => `${prefix}${++seq}`;

/** An empty question, as "add a question" creates it. */
export function newQuestion(): QuestionForm {
  return {
    id: localId('q'),
    code: '',
    labelVi: '',
    labelEn: '',
    hintVi: '',
    hintEn: '',
    datatype: 'string',
    required: false,
    values: [],
  };
}

/** An empty list value. */
export function newValue(): ValueForm {
  return { id: localId('v'), key: '', vi: '', en: '' };
}

const deadlineForm = (d: Deadline | undefined): DeadlineForm & { on: boolean } =>
  d ? { value: String(d.value), unit: d.unit, on: true } : { value: '', unit: 'hours', on: false };

/** The editor's state for a category, or for a new one. */
export function categoryForm(c: AdminCategory | null): CategoryForm {
  const by = c?.deadlinesByPriority ?? {};
  return {
    code: c?.code ?? '',
    nameVi: c?.name.vi ?? '',
    nameEn: c?.name.en ?? '',
    group: c?.group ?? '',
    groupVi: c?.groupName.vi ?? '',
    groupEn: c?.groupName.en ?? '',
    icon: c?.icon ?? '',
    defaultPriority: c?.defaultPriority ?? 'normal',
    deadline: c ? { value: String(c.deadline.value), unit: c.deadline.unit } : { value: '3', unit: 'working_days' },
    byPriority: {
      low: deadlineForm(by.low),
      high: deadlineForm(by.high),
      urgent: deadlineForm(by.urgent),
    },
    questions: [...(c?.questions ?? [])]
      .sort((a, b) => a.order - b.order)
      .map((q) => ({
        id: localId('q'),
        code: q.code,
        labelVi: q.label.vi,
        labelEn: q.label.en,
        hintVi: q.hint?.vi ?? '',
        hintEn: q.hint?.en ?? '',
        datatype: q.datatype,
        required: q.required,
        values: (q.values ?? []).map((v) => ({ id: localId('v'), key: v.key, vi: v.name.vi, en: v.name.en })),
      })),
    duplicateRadiusM: c ? String(c.duplicateRadiusM) : '50',
    duplicateDays: c ? String(c.duplicateDays) : '7',
    reopenWindowDays: c ? String(c.reopenWindowDays) : '7',
    autoDispatch: c?.autoDispatch ?? false,
    publicLocation: c?.publicLocation ?? 'approximate',
    resolveNeedsReply: c?.resolveNeedsReply ?? true,
    resolveNeedsPhoto: c?.resolveNeedsPhoto ?? true,
    active: c?.active ?? true,
    sortOrder: c ? String(c.sortOrder) : '',
  };
}

/** A typed number: empty is "not given", anything unreadable is NaN (the schema then says so). */
function num(text: string): number | undefined {
  const s = text.trim().replace(',', '.');
  return s === '' ? undefined : Number(s);
}

const deadlineOf = (d: DeadlineForm): Deadline => ({ value: num(d.value) ?? Number.NaN, unit: d.unit });

/** The question as the API takes it; `order` is its place in the list. */
function questionOf(q: QuestionForm, order: number): CategoryQuestion {
  const hint = q.hintVi.trim() || q.hintEn.trim() ? { vi: q.hintVi.trim(), en: q.hintEn.trim() } : undefined;
  return {
    code: q.code.trim(),
    label: { vi: q.labelVi.trim(), en: q.labelEn.trim() },
    ...(hint ? { hint } : {}),
    datatype: q.datatype,
    required: q.required,
    order,
    ...(LIST_DATATYPES.includes(q.datatype)
      ? { values: q.values.map((v) => ({ key: v.key.trim(), name: { vi: v.vi.trim(), en: v.en.trim() } })) }
      : {}),
  };
}

/** The request body the editor sends (`code` included; a PATCH leaves it out). */
export function categoryBody(f: CategoryForm): CategoryBody {
  const byPriority: Partial<Record<Priority, Deadline>> = {};
  for (const p of OTHER_PRIORITIES) if (f.byPriority[p].on) byPriority[p] = deadlineOf(f.byPriority[p]);
  const optionalInt = (s: string) => num(s);
  return {
    code: f.code.trim(),
    name: { vi: f.nameVi.trim(), en: f.nameEn.trim() },
    group: f.group.trim(),
    groupName: { vi: f.groupVi.trim(), en: f.groupEn.trim() },
    icon: f.icon.trim(),
    defaultPriority: f.defaultPriority,
    deadline: deadlineOf(f.deadline),
    deadlinesByPriority: byPriority,
    questions: f.questions.map(questionOf),
    duplicateRadiusM: optionalInt(f.duplicateRadiusM),
    duplicateDays: optionalInt(f.duplicateDays),
    reopenWindowDays: optionalInt(f.reopenWindowDays),
    autoDispatch: f.autoDispatch,
    publicLocation: f.publicLocation,
    resolveNeedsReply: f.resolveNeedsReply,
    resolveNeedsPhoto: f.resolveNeedsPhoto,
    active: f.active,
    sortOrder: optionalInt(f.sortOrder),
  };
}

/** What the schema cannot say about questions: labels given, codes and list keys unique, lists not empty. */
export function questionProblems(f: CategoryForm, m: AdminT): FieldError[] {
  const out: FieldError[] = [];
  const codes = new Map<string, number>();
  f.questions.forEach((q, i) => {
    const code = q.code.trim();
    if (code && codes.has(code)) out.push({ path: `questions.${i}.code`, message: m('questions.duplicateCode') });
    codes.set(code, i);
    if (!q.labelVi.trim()) out.push({ path: `questions.${i}.label.vi`, message: m('field.required') });
    if (!q.labelEn.trim()) out.push({ path: `questions.${i}.label.en`, message: m('field.required') });
    if (!LIST_DATATYPES.includes(q.datatype)) return;
    if (q.values.length === 0) out.push({ path: `questions.${i}.values`, message: m('questions.needValues') });
    const keys = new Set<string>();
    q.values.forEach((v, j) => {
      const key = v.key.trim();
      if (!key) out.push({ path: `questions.${i}.values.${j}.key`, message: m('field.required') });
      else if (keys.has(key))
        out.push({ path: `questions.${i}.values.${j}.key`, message: m('questions.duplicateKey') });
      keys.add(key);
      if (!v.vi.trim()) out.push({ path: `questions.${i}.values.${j}.name.vi`, message: m('field.required') });
      if (!v.en.trim()) out.push({ path: `questions.${i}.values.${j}.name.en`, message: m('field.required') });
    });
  });
  return out;
}

/** Moves an item of a list one place up (-1) or down (+1). */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
