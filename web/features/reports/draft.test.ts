// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, emptyDraft, loadDraft, saveDraft, stepOfField, toInput } from './draft';
import { iconEmoji, DEFAULT_ICON } from './categoryIcons';

beforeEach(() => localStorage.clear());

describe('the report draft', () => {
  it('survives a reload, idempotency key included', () => {
    const draft = {
      ...emptyDraft(),
      step: 3 as const,
      categoryCode: 'trees',
      lat: 13.1,
      lng: 109.3,
      description: 'Cây đổ',
    };
    saveDraft(draft);
    expect(loadDraft()).toEqual(draft);
  });

  it('starts blank when storage holds garbage or nothing', () => {
    localStorage.setItem('beacon.reportDraft', '{not json');
    expect(loadDraft().categoryCode).toBe('');
    localStorage.setItem('beacon.reportDraft', JSON.stringify({ step: 9, lat: 'x', contact: 5 }));
    const d = loadDraft();
    expect(d.step).toBe(1);
    expect(d.lat).toBeNull();
    expect(d.contact).toEqual({ name: '', phone: '', email: '' });
    expect(d.photos).toEqual([]);
    expect(d.locationMode).toBe('map');
    clearDraft();
    expect(localStorage.getItem('beacon.reportDraft')).toBeNull();
  });

  it('gives each new draft its own key', () => {
    expect(emptyDraft().idempotencyKey).not.toBe(emptyDraft().idempotencyKey);
    expect(emptyDraft().idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('leaves out empty optional fields and trims the rest', () => {
    const input = toInput({
      ...emptyDraft(),
      categoryCode: 'trees',
      lat: 13,
      lng: 109,
      description: '  Cây đổ  ',
      address: ' ',
    });
    expect(input).toEqual({
      categoryCode: 'trees',
      lat: 13,
      lng: 109,
      description: 'Cây đổ',
      address: undefined,
      contact: undefined,
      channel: 'web',
    });
    const withPhone = toInput({ ...emptyDraft(), contact: { name: '', phone: ' 0901 234 567 ', email: '' } });
    expect(withPhone.contact).toEqual({ name: undefined, phone: '0901 234 567', email: undefined });
  });

  it('sends a report placed by address with the ward and address and no coordinates at all', () => {
    const input = toInput({
      ...emptyDraft(),
      categoryCode: 'trees',
      locationMode: 'address',
      // A point picked earlier, before the resident switched to the address form, is not sent.
      lat: 13.1,
      lng: 109.3,
      areaCode: 'tuy-hoa',
      address: ' Trước chợ Tuy Hòa ',
      description: 'Cây đổ chắn đường',
    });
    expect('lat' in input).toBe(false);
    expect('lng' in input).toBe(false);
    expect(input).toMatchObject({ areaCode: 'tuy-hoa', address: 'Trước chợ Tuy Hòa', categoryCode: 'trees' });
  });

  it('knows which step holds each field the server may name', () => {
    expect(stepOfField('categoryCode')).toBe(1);
    expect(stepOfField('lng')).toBe(2);
    expect(stepOfField('areaCode')).toBe(2);
    expect(stepOfField('photos.1')).toBe(2);
    expect(stepOfField('address')).toBe(3);
    expect(stepOfField('address', 'address')).toBe(2);
    expect(stepOfField('attributes.pole_number')).toBe(3);
    expect(stepOfField('contact.email')).toBe(3);
  });
});

describe('category icons', () => {
  it('maps the icon names categories carry to emoji, with a fallback', () => {
    expect(iconEmoji('lightbulb')).toBe('💡');
    expect(iconEmoji('Tree')).toBe('🌳');
    expect(iconEmoji('traffic-light')).toBe('🚦');
    expect(iconEmoji('something-new')).toBe(DEFAULT_ICON);
  });
});
