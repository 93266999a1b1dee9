import { deviceId } from './device';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { CategoryDto } from '../../../shared/schemas/categories';
import type { CreateReportResult } from '../../../shared/schemas/reports';
import { useI18n } from '../../i18n';
import {
  clearDraft,
  emptyDraft,
  hasPoint,
  loadDraft,
  newIdempotencyKey,
  saveDraft,
  stepOfField,
  toInput,
  type Draft,
  type LocationMode,
} from './draft';
import { outboxClient } from './outbox/client';
import { isPending, newOutboxItem, type OutboxItem } from './outbox/machine';
import { sortedQuestions } from './questions';
import { rejectionMessages } from './rejection';
import { useDraftPhotos } from './usePhotos';
import { useNearby } from './useNearby';
import { validateDraft } from './validate';

const firstStep = (errors: Record<string, string>, mode: LocationMode): Draft['step'] =>
  Math.min(3, ...Object.keys(errors).map((p) => stepOfField(p, mode))) as Draft['step'];

/** Removes the errors of these paths and of the paths under them. */
function clearErrors(errs: Record<string, string>, paths: readonly string[]): Record<string, string> {
  const left = Object.entries(errs).filter(([p]) => !paths.some((k) => p === k || p.startsWith(`${k}.`)));
  return left.length === Object.keys(errs).length ? errs : Object.fromEntries(left);
}

/**
 * The report form's state: the draft (saved on every change), its photos, the duplicate check, and the
 * submission, which goes into the outbox first and is shown as waiting until it gets through.
 */
export function useReportForm(categories: readonly CategoryDto[] | undefined) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(loadDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CreateReportResult | null>(null);
  const [pending, setPending] = useState<OutboxItem | null>(null);
  const photos = useDraftPhotos(draft, setDraft, setErrors);
  const nearby = useNearby();

  const category = categories?.find((c) => c.code === draft.categoryCode);
  const questions = useMemo(() => sortedQuestions(category?.questions ?? []), [category]);

  useEffect(() => saveDraft(draft), [draft]);

  /** A refused submission comes back to the form with the server's errors and a new key. */
  const restoreRejected = (item: OutboxItem) => {
    if (item.state.status !== 'rejected') return;
    const { fields, form } = rejectionMessages(item.state, t);
    setDraft({
      ...item.draft,
      step: Object.keys(fields).length ? firstStep(fields, item.draft.locationMode) : 3,
      // Nothing was filed: the corrected report is a new request.
      idempotencyKey: newIdempotencyKey(),
    });
    photos.restore(item.payload.photos);
    setErrors(fields);
    setFormError(form);
  };

  // The newest outbox item decides what the form shows: waiting, the tracking code, or the errors.
  const onOutboxChange = useEffectEvent((items: readonly OutboxItem[]) => {
    const item = items.at(-1);
    if (!item) return setPending(null);
    if (isPending(item)) return setPending(item);
    setPending(null);
    if (item.state.status === 'sent') setResult(item.state.result);
    else restoreRejected(item);
    void outboxClient().remove(item.id);
  });
  useEffect(() => {
    const client = outboxClient();
    const sync = () => onOutboxChange(client.snapshot());
    const stop = client.subscribe(sync);
    void client.ready.then(sync);
    return stop;
  }, []);

  /** Changes draft fields and clears the errors of the fields changed. */
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((errs) => clearErrors(errs, Object.keys(patch)));
  };

  const setAnswer = (code: string, value: string | string[]) => {
    setDraft((d) => ({ ...d, attributes: { ...d.attributes, [code]: value } }));
    setErrors((errs) => clearErrors(errs, [`attributes.${code}`]));
  };

  const setPoint = (lat: number, lng: number) => {
    setDraft((d) => ({ ...d, lat, lng, locationMode: 'map' }));
    setErrors((errs) => clearErrors(errs, ['lat', 'lng']));
  };

  const setLocationMode = (locationMode: LocationMode) => {
    setDraft((d) => ({ ...d, locationMode }));
    setErrors((errs) => clearErrors(errs, ['lat', 'lng', 'areaCode', 'address']));
  };

  const goTo = (step: Draft['step']) => {
    nearby.hide();
    setDraft((d) => ({ ...d, step }));
  };

  /** Next step, if the fields of this one are filled; from the location, via the duplicate check. */
  const next = async () => {
    const errs = Object.fromEntries(
      Object.entries(validateDraft(draft, t, questions)).filter(
        ([path]) => stepOfField(path, draft.locationMode) <= draft.step,
      ),
    );
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (draft.step === 2 && hasPoint(draft) && draft.lat !== null && draft.lng !== null) {
      if (await nearby.check(draft.categoryCode, draft.lat, draft.lng)) return;
    }
    setDraft((d) => ({ ...d, step: Math.min(3, d.step + 1) as Draft['step'] }));
  };

  /** "No, this is a different problem": on to the details. */
  const notADuplicate = () => {
    nearby.dismiss();
    setDraft((d) => ({ ...d, step: 3 }));
  };

  /** Forgets the draft and its photos. */
  const discardDraft = () => {
    clearDraft();
    photos.clear();
    setDraft(emptyDraft());
    setErrors({});
  };

  /** "I have this problem too": follow it instead of filing, and go to its page. */
  const follow = async (trackingCode: string) => {
    if (!(await nearby.follow(trackingCode, draft.categoryCode))) return;
    discardDraft();
    navigate(`/track/${encodeURIComponent(trackingCode)}`);
  };

  /** Sends the report; `honeypot` is the hidden field only a bot fills (the server holds such reports). */
  const submit = async (honeypot = '') => {
    setFormError(null);
    const local = validateDraft(draft, t, questions);
    if (Object.keys(local).length) {
      setErrors(local);
      setDraft((d) => ({ ...d, step: firstStep(local, d.locationMode) }));
      return;
    }
    if (photos.busy) return setFormError(t('report.photos.wait'));
    const payload = {
      input: { ...toInput(draft, questions), ...(honeypot ? { website: honeypot } : {}) },
      deviceId: deviceId(),
      photos: draft.photos.flatMap((p) => {
        const blob = photos.blobs.get(p.id);
        return blob ? [{ id: p.id, name: p.name, blob }] : [];
      }),
    };
    const item = newOutboxItem(draft.idempotencyKey, payload, draft, Date.now());
    setBusy(true);
    try {
      // Stored on the device first: from here on the report survives a dead network or a closed tab.
      await outboxClient().enqueue(item);
    } catch {
      setFormError(t('offline.storeFailed'));
      return;
    } finally {
      setBusy(false);
    }
    discardDraft();
  };

  /** Takes a waiting submission back into the form (same key: if it did reach the server, no duplicate). */
  const editPending = async () => {
    const item = pending;
    if (!item || item.state.status !== 'queued') return;
    await outboxClient().remove(item.id);
    setDraft({ ...item.draft, step: 3 });
    photos.restore(item.payload.photos);
    setPending(null);
  };

  const sendNow = () => {
    if (pending) void outboxClient().sendNow(pending.id);
  };

  const startOver = () => {
    setResult(null);
    setFormError(null);
  };

  return {
    draft,
    errors,
    formError,
    busy,
    result,
    pending,
    category,
    questions,
    photos,
    nearby,
    update,
    setAnswer,
    setPoint,
    setLocationMode,
    goTo,
    next,
    notADuplicate,
    follow,
    submit,
    editPending,
    sendNow,
    startOver,
  };
}
