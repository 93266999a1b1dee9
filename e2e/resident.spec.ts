import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { countReports, PHONE, shot, tabTo } from './helpers';

test.describe('a resident on a phone', () => {
  test.use(PHONE);

  test('files a fallen-tree report with a photo by tapping the map', async ({ page, request }) => {
    // A phone photo that carries the camera's GPS position and serial number.
    const photo = await sharp({
      create: { width: 1600, height: 1200, channels: 3, background: { r: 30, g: 110, b: 40 } },
    })
      .withExif({
        IFD2: { BodySerialNumber: 'SN-E2E-0001' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '13/1 5/1 4380/100',
          GPSLongitudeRef: 'E',
          GPSLongitude: '109/1 18/1 432/100',
        },
      })
      .jpeg()
      .toBuffer();
    await page.goto('/');
    await page.locator('[data-category="trees"]').click();
    const map = page.locator('.leaflet-container');
    await expect(map).toBeVisible();
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // the city centre
    await expect(page.getByTestId('location-readout')).toContainText('13.0');
    await page
      .getByTestId('photo-input-gallery')
      .setInputFiles({ name: 'cay-do.jpg', mimeType: 'image/jpeg', buffer: photo });
    await expect(page.getByTestId('photo-thumb')).toHaveCount(1);
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    const nearby = page.getByTestId('nearby-panel');
    const blocking = page.getByRole('radio', { name: 'Có, chắn lối đi' });
    await expect(nearby.or(blocking)).toBeVisible();
    if (await nearby.isVisible()) await page.getByTestId('nearby-continue').click();
    await blocking.check();
    await page.getByLabel('Mô tả sự cố').fill('Cây bàng trước chợ bị gãy cành lớn, đổ chắn nửa lòng đường.');
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();
    await shot(page, '8-resident-photo-code');

    const view = await (await request.get(`/api/track/${code}`)).json();
    expect(view.category.code).toBe('trees');
    expect(view.area.name).toBe('Phường Tuy Hòa');
    expect(view.photos).toHaveLength(1);
    const stored = await (await request.get(view.photos[0].url)).body();
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    expect(stored.includes('SN-E2E-0001')).toBe(false);
  });

  test('files a report by typed address and ward with the keyboard alone', async ({ page, request }) => {
    const description = `Rác thải ùn ứ cạnh chợ Phú Lâm, bốc mùi nhiều ngày (${Date.now()})`;
    await page.goto('/');
    await tabTo(page, page.locator('[data-category="environment"]'));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByTestId('address-mode-toggle'));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('textbox', { name: /Địa chỉ nơi xảy ra sự cố/ }));
    await page.keyboard.type('Chợ Phú Lâm, đường Nguyễn Tất Thành');
    const ward = page.getByTestId('ward-select');
    await tabTo(page, ward);
    for (let i = 0; i < 5 && (await ward.inputValue()) !== 'phuong-phu-yen'; i++)
      await page.keyboard.press('ArrowDown');
    await expect(ward).toHaveValue('phuong-phu-yen');
    await tabTo(page, page.getByRole('button', { name: 'Tiếp tục', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByLabel('Mô tả sự cố'));
    await page.keyboard.type(description);
    await tabTo(page, page.getByRole('button', { name: 'Gửi phản ánh', exact: true }));
    await page.keyboard.press('Enter');
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();

    const view = await (await request.get(`/api/track/${code}`)).json();
    expect(view).toMatchObject({ lat: null, lng: null, area: { code: 'phuong-phu-yen' }, description });
  });
});

test.describe('a resident with a bad connection', () => {
  test.use({ ...PHONE, serviceWorkers: 'block' });

  test('files while offline; once online the report is sent, and a lost answer does not make a second one', async ({
    page,
    context,
    request,
  }) => {
    const description = `Đèn tín hiệu giao lộ Hùng Vương tắt, xe cộ lộn xộn (${Date.now()})`;
    await page.goto('/');
    await page.locator('[data-category="traffic"]').click();
    const map = page.locator('.leaflet-container');
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + 20);
    await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
    await expect(page.getByTestId('nearby-panel').or(page.getByLabel('Mô tả sự cố'))).toBeVisible();
    if (await page.getByTestId('nearby-panel').isVisible()) await page.getByTestId('nearby-continue').click();
    await page.getByLabel('Mô tả sự cố').fill(description);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Gửi phản ánh', exact: true }).click();
    await expect(page.getByTestId('outbox-pending')).toHaveAttribute('data-state', 'waiting');
    await expect(page.getByTestId('outbox-pending')).toContainText('Đang chờ gửi');
    await shot(page, '9-resident-waiting');

    // Back online, the first attempt reaches the server but its answer is lost on the way back.
    let attempts = 0;
    await page.route('**/api/reports', async (route) => {
      attempts++;
      if (attempts === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await context.setOffline(false);
    const code = (await page.getByTestId('tracking-code').textContent({ timeout: 30_000 }))!.trim();
    expect(code).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(await countReports(request, description)).toBe(1);
  });
});

test('anyone sees open reports on the public map, clustered at city zoom, opening into single reports', async ({
  page,
  request,
}) => {
  // Five residents report rubbish at the same corner of the market.
  for (let i = 0; i < 5; i++) {
    const body = {
      categoryCode: 'environment',
      lat: 13.0934 + i * 0.0002,
      lng: 109.2958,
      description: `Rác ùn ứ góc chợ (${i})`,
      contact: { name: 'Nguyễn Văn Riêng', phone: '0905000111' },
    };
    expect((await request.post('/api/reports', { data: body })).status()).toBe(201);
  }
  await page.goto('/map');
  const cluster = page.locator('.map-cluster').first();
  await expect(cluster).toBeVisible();
  const count = Number(await cluster.getAttribute('data-count'));
  expect(count).toBeGreaterThan(1);
  await shot(page, '12-public-map');
  await cluster.click();
  await expect(page.locator('.public-marker').first()).toBeAttached({ timeout: 10_000 });
  await expect(page.getByText(/Nguyễn Văn Riêng|0905000111/)).toHaveCount(0);
});
