// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AreaImportPreview } from '../../../shared/schemas/admin';
import { renderWithApp } from '../../test/render';
import { todayInCity, previewShapes } from './areas';
import { AreaImportWizard } from './AreaImportWizard';
import { fakeServer, problemWith, writes, type Call } from './testServer';

// Leaflet is not the subject: the stand-in lists the labels the real map would put on each shape.
vi.mock('./AreaPreviewMap', () => ({
  default: ({
    preview,
    nameProperty,
    codeProperty,
  }: {
    preview: unknown;
    nameProperty: string;
    codeProperty: string;
  }) => (
    <ul data-testid="map-stub">
      {previewShapes(preview, nameProperty, codeProperty).map((s) => (
        <li key={s.key} data-action={s.action ?? ''}>
          {s.label}
        </li>
      ))}
    </ul>
  ),
}));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 13],
      [x + 0.01, 13],
      [x + 0.01, 13.01],
      [x, 13],
    ],
  ],
});

/** What the server answers for a preview: the names on the features are read with the properties used. */
function previewFor(fields: Record<string, string>): AreaImportPreview {
  const used = {
    code: fields.codeProperty ?? 'ma',
    name: fields.nameProperty ?? 'ten',
    nameEn: fields.nameEnProperty ?? null,
  };
  const rows = [
    { ma: 'phuong-tuy-hoa', ten: 'Phường Tuy Hòa', ten_en: 'Tuy Hoa Ward', x: 109.3 },
    { ma: 'phuong-hoa-hiep', ten: 'Phường Hòa Hiệp', ten_en: 'Hoa Hiep Ward', x: 109.35 },
  ];
  return {
    features: 2,
    vertices: 8,
    properties: [
      { name: 'ma', examples: ['phuong-tuy-hoa', 'phuong-hoa-hiep'] },
      { name: 'ten', examples: ['Phường Tuy Hòa', 'Phường Hòa Hiệp'] },
      { name: 'ten_en', examples: ['Tuy Hoa Ward', 'Hoa Hiep Ward'] },
    ],
    suggested: { code: 'ma', name: 'ten', nameEn: null },
    used,
    errors: [],
    preview: {
      type: 'FeatureCollection',
      features: rows.map((r, index) => ({
        type: 'Feature',
        properties: {
          index,
          code: r[used.code as 'ma'],
          name: r[used.name as 'ten'],
          action: index === 0 ? 'replace' : 'add',
          problems: [],
        },
        geometry: square(r.x),
      })),
    },
    replaces: ['phuong-tuy-hoa'],
    adds: ['phuong-hoa-hiep'],
    retires: ['phuong-binh-kien'],
    validFrom: fields.validFrom ?? todayInCity(),
  };
}

const file = () =>
  new File([JSON.stringify({ type: 'FeatureCollection', features: [] })], 'phuong-moi.geojson', {
    type: 'application/geo+json',
  });

const previews = (calls: Call[]) =>
  calls.filter((c) => c.path === '/api/admin/areas/preview').map((c) => c.body as Record<string, string>);

describe('the boundary import wizard', () => {
  it('previews the file, pre-fills the suggested properties, and imports with the choices made', async () => {
    const calls = fakeServer({
      'POST /api/admin/areas/preview': (c) => previewFor(c.body as Record<string, string>),
      'POST /api/admin/areas/import': () => ({
        imported: 2,
        superseded: 1,
        retired: 1,
        validFrom: '2025-12-01T00:00:00+07:00',
      }),
    });
    const onImported = vi.fn();
    renderWithApp(<AreaImportWizard onClose={() => {}} onImported={onImported} />);

    fireEvent.change(screen.getByLabelText('Tệp GeoJSON (FeatureCollection các phường, xã)'), {
      target: { files: [file()] },
    });
    expect((await screen.findByTestId('preview-features')).textContent).toBe('Tệp có 2 đối tượng, 8 đỉnh.');
    // The server's suggestions fill the pickers, and the preview is asked again with them.
    const code = screen.getByLabelText('Thuộc tính chứa mã') as HTMLSelectElement;
    const name = screen.getByLabelText('Thuộc tính chứa tên') as HTMLSelectElement;
    await waitFor(() => expect(code.value).toBe('ma'));
    expect(name.value).toBe('ten');
    await waitFor(() => expect(previews(calls)).toHaveLength(2));
    expect(previews(calls)[0]).toEqual({ validFrom: todayInCity(), file: 'file:phuong-moi.geojson' });
    expect(previews(calls)[1]).toMatchObject({ codeProperty: 'ma', nameProperty: 'ten' });
    // Example values next to the choice; replaced, new and missing codes; the shapes labelled with their names.
    expect(screen.getByText('Ví dụ: Phường Tuy Hòa, Phường Hòa Hiệp')).toBeTruthy();
    expect(within(screen.getByTestId('preview-replaces')).getByText('phuong-tuy-hoa')).toBeTruthy();
    expect(within(screen.getByTestId('preview-adds')).getByText('phuong-hoa-hiep')).toBeTruthy();
    expect(within(screen.getByTestId('preview-retires')).getByRole('heading').textContent).toBe(
      'Không có trong tệp, vẫn giữ hiệu lực (1)',
    );
    expect([...screen.getByTestId('map-stub').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Phường Tuy Hòa',
      'Phường Hòa Hiệp',
    ]);

    // English names from their own property; the start date, a note, a full replacement.
    fireEvent.change(screen.getByLabelText(/Thuộc tính chứa tên tiếng Anh/), { target: { value: 'ten_en' } });
    fireEvent.change(screen.getByLabelText('Hiệu lực từ'), { target: { value: '2025-12-01' } });
    fireEvent.change(screen.getByLabelText(/Ghi chú/), { target: { value: 'Theo Nghị quyết sáp nhập 2025' } });
    fireEvent.click(screen.getByLabelText('Kết thúc hiệu lực các phường, xã không có trong tệp'));
    await waitFor(() =>
      expect(previews(calls).at(-1)).toMatchObject({
        nameEnProperty: 'ten_en',
        validFrom: '2025-12-01',
        retireMissing: 'true',
      }),
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('preview-retires')).getByRole('heading').textContent).toBe(
        'Kết thúc hiệu lực vì không có trong tệp (1)',
      ),
    );

    await waitFor(() => expect((screen.getByTestId('area-import-submit') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('area-import-submit'));
    const result = await screen.findByTestId('import-result');
    expect(within(result).getByTestId('result-imported').textContent).toBe('2');
    expect(within(result).getByTestId('result-superseded').textContent).toBe('1');
    expect(within(result).getByTestId('result-retired').textContent).toBe('1');
    expect(
      writes(calls)
        .filter((c) => c.path === '/api/admin/areas/import')
        .map((c) => c.body),
    ).toEqual([
      {
        codeProperty: 'ma',
        nameProperty: 'ten',
        nameEnProperty: 'ten_en',
        validFrom: '2025-12-01',
        note: 'Theo Nghị quyết sáp nhập 2025',
        retireMissing: 'true',
        file: 'file:phuong-moi.geojson',
      },
    ]);
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ imported: 2 }));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Đã nhập 2 vùng.');
  });

  it('lists the problems of each feature and will not import while there are any', async () => {
    const calls = fakeServer({
      'POST /api/admin/areas/preview': (c) => ({
        ...previewFor(c.body as Record<string, string>),
        errors: [
          {
            feature: 1,
            code: 'phuong-hoa-hiep',
            path: 'features.1.geometry.coordinates.0',
            message: 'the ring is not closed',
          },
          { feature: null, path: 'features', message: 'two features have the code "phuong-tuy-hoa"' },
        ],
      }),
    });
    renderWithApp(<AreaImportWizard onClose={() => {}} onImported={() => {}} />);
    fireEvent.change(screen.getByLabelText(/Tệp GeoJSON/), { target: { files: [file()] } });
    const errors = await screen.findByTestId('preview-errors');
    expect([...errors.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Đối tượng thứ 2 (phuong-hoa-hiep): the ring is not closed',
      'Tệp (features): two features have the code "phuong-tuy-hoa"',
    ]);
    expect((screen.getByTestId('area-import-submit') as HTMLButtonElement).disabled).toBe(true);
    expect((await screen.findByTestId('import-blocked')).textContent).toBe('Chưa nhập được vì tệp còn lỗi.');
    expect(calls.some((c) => c.path === '/api/admin/areas/import')).toBe(false);
  });

  it('shows a rejected file, and an import the server refuses, without claiming anything was imported', async () => {
    let previewOk = false;
    fakeServer({
      'POST /api/admin/areas/preview': (c) =>
        previewOk
          ? previewFor(c.body as Record<string, string>)
          : problemWith(422, 'validation_failed', 'The file is not GeoJSON.', [
              { path: 'file', message: 'is not valid JSON' },
            ]),
      'POST /api/admin/areas/import': () =>
        problemWith(422, 'validation_failed', 'The import has 1 invalid field(s): validFrom', [
          { path: 'validFrom', message: 'must be a date YYYY-MM-DD' },
        ]),
    });
    const onImported = vi.fn();
    renderWithApp(<AreaImportWizard onClose={() => {}} onImported={onImported} />);
    const input = screen.getByLabelText(/Tệp GeoJSON/);
    fireEvent.change(input, { target: { files: [file()] } });
    const rejected = await screen.findByTestId('preview-error');
    expect(rejected.textContent).toContain('The file is not GeoJSON.');
    expect(rejected.textContent).toContain('is not valid JSON');

    previewOk = true;
    fireEvent.change(input, { target: { files: [file()] } });
    await screen.findByTestId('area-preview');
    await waitFor(() => expect((screen.getByTestId('area-import-submit') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('area-import-submit'));
    expect((await screen.findByTestId('error-validFrom')).textContent).toBe('Ngày phải có dạng năm-tháng-ngày.');
    expect(screen.getByLabelText('Hiệu lực từ').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('import-result')).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });
});
