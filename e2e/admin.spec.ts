import { expect, test, type Page } from '@playwright/test';
import { axeViolations, shot, signedIn } from './helpers';

// The city's administrator: new ward boundaries through the import wizard (with its preview), a point
// tested against the routing rules, an API key for another system, and the audit log of it all; axe
// on every admin section.

/** A closed, counter-clockwise ring of `n` corners around a centre ([lng, lat], GeoJSON order). */
function ring(lng: number, lat: number, rLng: number, rLat: number, n = 10): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const wobble = 1 + 0.12 * Math.sin(3 * a);
    points.push([+(lng + rLng * wobble * Math.cos(a)).toFixed(6), +(lat + rLat * wobble * Math.sin(a)).toFixed(6)]);
  }
  return [...points, points[0]!];
}

/**
 * Boundaries from the next adjustment of the city's wards, as a GIS office would send them: the new
 * shape of Phường Tuy Hòa (its code exists: replaced) and a new Phường Hòa Kiến. They apply from
 * 2027, so today's reports and the other browser tests keep today's wards.
 */
const WARDS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ma_phuong: 'phuong-tuy-hoa', ten_phuong: 'Phường Tuy Hòa', name_en: 'Tuy Hoa Ward', dan_so: 91000 },
      geometry: { type: 'Polygon', coordinates: [ring(109.305, 13.097, 0.018, 0.013)] },
    },
    {
      type: 'Feature',
      properties: {
        ma_phuong: 'phuong-hoa-kien',
        ten_phuong: 'Phường Hòa Kiến',
        name_en: 'Hoa Kien Ward',
        dan_so: 18500,
      },
      geometry: { type: 'Polygon', coordinates: [ring(109.232, 13.118, 0.02, 0.014)] },
    },
  ],
};

/** Chợ Phú Lâm, in Phường Phú Yên: urban infrastructure there goes to the ward, not the city department. */
const PHU_LAM = { lat: '13.0648', lng: '109.2921' };

/** Fails the test, printing each violation, when axe finds anything on the page. */
async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  const report = await axeViolations(page);
  if (report) console.log(`axe on ${name}:\n${report}`);
  expect(report, `axe violations on ${name}`).toBe('');
}

/** Opens a section from the admin navigation, as a person would, and waits for its title. */
async function openSection(page: Page, name: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Các mục quản trị' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

test('the administrator imports ward boundaries, tests a point, creates an API key and finds it all in the audit log', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'admin', '/admin/areas', { viewport: { width: 1366, height: 1024 } });
  await expect(
    page.locator('[data-testid="areas-table"] tr[data-code="phuong-tuy-hoa"][data-state="current"]'),
  ).toBeVisible();

  // Boundaries: choose the file, look at the preview, choose the properties and the date, import.
  await page.getByTestId('open-area-import').click();
  await page.getByTestId('area-file').setInputFiles({
    name: 'dieu-chinh-dia-gioi-2027.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(WARDS)),
  });
  await expect(page.getByTestId('preview-features')).toHaveAttribute('data-count', '2');
  // The server's suggestions are pre-filled, with example values to check them against.
  await expect(page.getByLabel('Thuộc tính chứa mã')).toHaveValue('ma_phuong');
  await expect(page.getByLabel('Thuộc tính chứa tên', { exact: true })).toHaveValue('ten_phuong');
  await expect(page.getByText('Ví dụ: Phường Tuy Hòa, Phường Hòa Kiến')).toBeVisible();
  await page.getByLabel(/Thuộc tính chứa tên tiếng Anh/).selectOption('name_en');
  await page.getByLabel('Hiệu lực từ').fill('2027-01-01');
  await page.getByLabel(/Ghi chú/).fill('Theo phương án điều chỉnh địa giới năm 2027 (bản đồ của Sở Nội vụ)');
  await expect(page.getByTestId('preview-replaces')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('preview-replaces')).toContainText('phuong-tuy-hoa');
  await expect(page.getByTestId('preview-adds')).toContainText('phuong-hoa-kien');
  await expect(page.getByTestId('preview-retires')).toContainText('phuong-phu-yen');
  await expect(page.getByTestId('preview-errors')).toHaveCount(0);
  // The shapes on the map, labelled with the chosen name property.
  await expect(page.locator('.leaflet-tooltip.preview-label', { hasText: 'Phường Hòa Kiến' })).toBeVisible();
  await expect(page.locator('.leaflet-tooltip.preview-label', { hasText: 'Phường Tuy Hòa' })).toBeVisible();
  await expect(page.locator('path.preview-add')).toHaveCount(1);
  await expect(page.locator('path.preview-replace')).toHaveCount(1);
  // The wizard from its steps to the map, below the sticky header.
  await page
    .getByTestId('area-import')
    .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
  await shot(page, '15-admin-areas-preview');
  await expectNoAxeViolations(page, 'areas: import preview');

  await page.getByTestId('area-import-submit').click();
  await expect(page.getByTestId('result-imported')).toHaveText('2');
  await expect(page.getByTestId('result-superseded')).toHaveText('1');
  await expect(page.getByTestId('result-retired')).toHaveText('0');
  await page.getByRole('button', { name: 'Xong', exact: true }).click();
  await expect(page.getByTestId('open-area-import')).toBeFocused();
  // Today's Tuy Hòa stays in force until the new one starts; Hòa Kiến waits for its date.
  await expect(page.locator('tr[data-code="phuong-hoa-kien"][data-state="scheduled"]')).toBeVisible();
  await expect(page.locator('tr[data-code="phuong-tuy-hoa"][data-state="scheduled"]')).toBeVisible();
  await expect(page.locator('tr[data-code="phuong-tuy-hoa"][data-state="current"]')).toContainText('01/01/2027');
  await expectNoAxeViolations(page, 'areas');

  // Routing rules: a click on the map, then Chợ Phú Lâm typed in, for urban infrastructure.
  await openSection(page, 'Quy tắc điều phối', 'Quy tắc điều phối');
  await expect(page.locator('[data-testid="rules-table"] tbody tr').first()).toBeVisible();
  const map = page.locator('[data-testid="rule-test"] .leaflet-container');
  await expect(map.locator('.area-label').first()).toBeVisible();
  await map.click();
  await expect(page.getByTestId('rule-test-result')).toBeVisible();
  await expect(page.getByTestId('rule-test-pin')).toBeVisible();
  await page.getByLabel('Vĩ độ').fill(PHU_LAM.lat);
  await page.getByLabel('Kinh độ').fill(PHU_LAM.lng);
  await page.getByLabel('Loại sự cố', { exact: true }).last().selectOption('urban_infrastructure');
  await page.getByTestId('rule-test-submit').click();
  await expect(page.getByTestId('rule-test-area')).toHaveAttribute('data-area', 'phuong-phu-yen');
  const result = page.locator('[data-testid="rule-result"][data-category="urban_infrastructure"]');
  await expect(result).toHaveCount(1);
  await expect(result.getByTestId('rule-result-unit')).toHaveText('UBND Phường Phú Yên');
  // Two rules match; the one for the ward wins over the city-wide one.
  await expect(result.getByTestId('rule-candidate')).toHaveCount(2);
  const winner = result.locator('[data-testid="rule-candidate"][data-winner="true"]');
  await expect(winner).toHaveCount(1);
  await expect(winner).toContainText('Hạ tầng đô thị × Phường Phú Yên');
  await expect(winner).toContainText('UBND Phường Phú Yên');
  const loser = result.locator('[data-testid="rule-candidate"][data-winner="false"]');
  await expect(loser).toContainText('Hạ tầng đô thị × Mọi phường, xã');
  await expect(loser).toContainText('Phòng Quản lý đô thị');
  await page.getByTestId('rule-test').scrollIntoViewIfNeeded();
  await shot(page, '16-admin-rules-test');
  await expectNoAxeViolations(page, 'rules with a test result');

  // An API key for the hotline: shown once, with a copy button; afterwards only its prefix.
  await openSection(page, 'Khoá API', 'Khoá API');
  await page.getByTestId('key-new').click();
  await page.getByLabel('Tên hệ thống').fill('Tổng đài 1022');
  await page.getByTestId('key-create').click();
  await expect(page.getByTestId('key-once')).toContainText('bạn sẽ không thể xem lại khoá');
  const secret = await page.getByTestId('key-secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await expect(page.getByTestId('key-secret')).toBeFocused();
  await page.getByTestId('key-copy').click();
  await expect(page.getByTestId('key-created').getByRole('status')).not.toBeEmpty();
  await expectNoAxeViolations(page, 'API key shown once');
  await page.getByTestId('key-done').click();
  await expect(page.getByTestId('key-dialog')).toHaveCount(0);
  const row = page.locator('[data-testid="keys-table"] tr[data-name="Tổng đài 1022"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText(secret.slice(0, 6));
  expect(await page.locator('body').innerText()).not.toContain(secret);

  // The audit log lists the changes, newest first, with what changed.
  await openSection(page, 'Nhật ký thay đổi', 'Nhật ký thay đổi');
  const entries = page.getByTestId('audit-entry');
  await expect(entries.first()).toHaveAttribute('data-entity', 'api_key');
  await expect(entries.first()).toHaveAttribute('data-action', 'create');
  await expect(entries.first()).toContainText('Tổng đài 1022');
  await expect(entries.first()).toContainText('admin');
  const imported = page.locator('[data-testid="audit-entry"][data-entity="area"][data-action="import"]');
  await expect(imported).toHaveCount(1);
  await expect(imported.locator('tr[data-path="after.imported"], tr[data-path="imported"]')).toContainText('2');
  await expect(imported).toContainText('phuong-hoa-kien');
  await shot(page, '17-admin-audit');
  await page.getByLabel('Đối tượng').selectOption('area');
  await expect(entries).toHaveCount(1);
  await expectNoAxeViolations(page, 'audit log');
});

test('every admin section passes axe', async ({ browser }) => {
  const page = await signedIn(browser, 'admin', '/admin/units');
  const sections: { link: string; ready: () => Promise<void> }[] = [
    { link: 'Đơn vị xử lý', ready: () => expect(page.getByTestId('units-table')).toBeVisible() },
    { link: 'Loại sự cố', ready: () => expect(page.getByTestId('categories-table')).toBeVisible() },
    { link: 'Mẫu trả lời', ready: () => expect(page.getByTestId('templates-table')).toBeVisible() },
    { link: 'Lịch làm việc', ready: () => expect(page.getByTestId('calendar-form')).toBeVisible() },
    { link: 'Tài khoản cán bộ', ready: () => expect(page.getByTestId('users-table')).toBeVisible() },
    { link: 'Sao lưu cấu hình', ready: () => expect(page.getByTestId('config-export')).toBeVisible() },
  ];
  for (const s of sections) {
    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: s.link, exact: true })
      .click();
    await s.ready();
    await expectNoAxeViolations(page, s.link);
  }

  // A category's editor, with a list question's choices open.
  await page
    .getByRole('navigation', { name: 'Các mục quản trị' })
    .getByRole('link', { name: 'Loại sự cố', exact: true })
    .click();
  await page.getByRole('link', { name: 'Sửa Chiếu sáng công cộng' }).click();
  await expect(page.getByTestId('category-form')).toBeVisible();
  await expect(page.getByTestId('question').first()).toBeVisible();
  await expectNoAxeViolations(page, 'category editor');

  // A dialog with its errors showing, in English.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Administration sections' })
    .getByRole('link', { name: 'Staff accounts' })
    .click();
  await page.getByTestId('user-new').click();
  await page.getByTestId('user-save').click();
  await expect(page.getByTestId('error-unitId')).toHaveText('Unit staff must belong to a unit.');
  await expectNoAxeViolations(page, 'new account dialog with errors (en)');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('user-new')).toBeFocused();
});
