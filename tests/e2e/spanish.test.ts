import { describe, expect, it } from 'vitest';
import { CasePanelUi, DashboardUi, PopupUi } from '../../scripts/browser/careside-ui';
import { openPopup } from '../../scripts/browser/launch';
import { englishLeaks } from '../../lib/i18n/testing';
import { useExtensionBrowser } from './support/extension';
import { COMPLAINT_BY_MENTION, X_SEARCH_URL, keyOf, xTestPage } from './support/x-test-page';

// Chromium started with a Spanish UI (--lang=es): chrome.i18n serves _locales/es and Intl
// formats in Spanish, in the content script's sidebar and case panel as on the popup.
describe('CareSide in Spanish', () => {
  const harness = useExtensionBrowser({ pages: { [X_SEARCH_URL]: xTestPage() }, uiLanguage: 'es' });

  it('shows the sidebar, the case panel and the popup in Spanish, with Spanish dates', async () => {
    const { browser } = harness();
    const { page, ui } = await harness().open(X_SEARCH_URL);
    await ui.waitForSidebar();
    const postKey = keyOf(COMPLAINT_BY_MENTION);
    const row = ui.mention(postKey);
    await expect.poll(() => row.locator('[data-testid="careside-mention-log"]').textContent()).toBe('Registrar caso');
    await expect.poll(() => ui.status.textContent()).toMatch(/^X \/ Twitter: \d+ publicaciones leídas, \d+ mencionan? una marca/);
    // The reason line is worded from triage's parts: Spanish words, Intl's Spanish count ("5,4 mil").
    await expect
      .poll(() => row.locator('[data-testid="careside-mention-explanation"]').textContent())
      .toMatch(/^P\d: queja, 5,4\u00a0mil visualizaciones/);

    const ref = await ui.logFromSidebar(postKey);
    expect(await row.locator('[data-testid="careside-mention-case"]').textContent()).toBe(`${ref} · Nuevo`);
    expect(await ui.inlineBadgeText(postKey)).toBe(`${ref} · Nuevo`);

    const panel = new CasePanelUi(page);
    await panel.open(postKey);
    await panel.waitForStatus('Nuevo');
    expect(await panel.panel.locator('h3').allTextContents()).toEqual(['Respuestas sugeridas', 'Derivación a privado', 'Historial']);
    expect(await panel.panel.locator('[data-testid="careside-confirm-replied"]').textContent()).toBe('Ya respondí');
    expect(await panel.panel.locator('[data-testid="careside-handoff"]').first().textContent()).toMatch(/^(Abrir MD|Abrir el perfil de @)/);
    await panel.panel.locator('[data-testid="careside-reply-text"]').fill('Hola {customerName}');
    await expect
      .poll(() => panel.panel.locator('[data-testid="careside-lint-finding"]').allTextContents())
      .toContainEqual(expect.stringContaining('«{customerName}» no se ha rellenado.'));
    const [logged] = await panel.timeline();
    // "6 dic, 16:05:09": a Spanish month abbreviation, the day before it, a 24-hour clock.
    const month = new Intl.DateTimeFormat('es', { month: 'short' }).format(new Date(logged!.dateTime!));
    expect(logged!.text).toMatch(new RegExp(`^\\d{1,2} ${month}, \\d{2}:\\d{2}:\\d{2} Registrado$`));

    const popup = await openPopup(browser.context, browser.extensionId);
    expect(await new PopupUi(popup).openTotal()).toBe(1);
    await expect.poll(() => popup.locator('.popup-total').textContent()).toBe('1 caso abierto');
    expect(await popup.locator('h2:not(.visually-hidden)').allTextContents()).toEqual(
      expect.arrayContaining(['Abiertos por prioridad', 'Esperan desde hace más tiempo', 'Casos más recientes']),
    );
    expect(await popup.title()).toBe('CareSide: casos abiertos');
  });

  it('shows the options page in Spanish: headings, labels, the Save bar and its messages', async () => {
    const { browser } = harness();
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await page.getByTestId('options-brand').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Ajustes de CareSide');
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([
        'Marcas',
        'Respuestas',
        'Objetivos de respuesta',
        'Alertas de espiral',
        'Borrar todos los datos de CareSide',
      ]),
    );
    const brand = page.getByTestId('options-brand').first();
    await brand.getByLabel('Usuarios de X', { exact: true }).waitFor();
    expect(await page.getByTestId('options-save').textContent()).toBe('Guardar');

    await page.getByLabel('Firma del agente', { exact: true }).fill('^Ana');
    await page.locator('.options-dirty', { hasText: 'Cambios sin guardar' }).waitFor();
    await page.getByTestId('options-save').click();
    const message = page.getByTestId('options-message');
    await expect.poll(() => message.getAttribute('data-kind')).toBe('success');
    expect(await message.textContent()).toBe('Guardado. Las pestañas abiertas usan los nuevos ajustes al momento.');

    await brand.getByLabel('Usuarios de X', { exact: true }).fill('AcmeAir\n@Acme Air Help');
    await page.getByTestId('options-save').click();
    await expect.poll(() => message.getAttribute('data-kind')).toBe('error');
    expect(await message.textContent()).toContain(
      'Marca 1 «Acme Air», Usuarios de X, entrada 2: «@Acme Air Help» no es un usuario: un usuario de X es una sola palabra',
    );
  });

  it('shows the dashboard import report in Spanish: summary, rejected rows, warnings and a refused file', async () => {
    const { browser } = harness();
    const dashboard = await DashboardUi.open(await browser.context.newPage(), browser.extensionId);
    const row = (ref: string, status: string, id: string, loggedAt: string, brand = '') =>
      [ref, status, 'X', `https://x.com/dana/status/${id}`, 'Lost my bag', `x:${id}`, loggedAt, brand].map((cell) => `"${cell}"`).join(',');
    const csv = [
      '"Ref","Status","Platform","Post URL","Post text","Post key","Logged at","Brand"',
      row('CS-ES01', 'New', '1990000000000000001', '2026-12-06 14:05', 'Acme Air'),
      row('CS-ES02', 'Archived', '1990000000000000002', '2026-12-06 14:06'),
      row('CS-ES03', 'New', '1990000000000000003', '6/12/2026 2:07 PM'),
      row('CS-ES04', 'New', '1990000000000000004', '2026-12-06 14:08', 'Nobody Inc'),
    ].join('\r\n');
    const report = await dashboard.importText('casos.csv', csv);
    expect(report).toMatch(
      /^Importados 2 casos nuevos\. Rechazados 2: línea 3 \(CS-ES02\): Status: "Archived" no es un estado de CareSide; /,
    );
    expect(report).toContain('Línea 4 (CS-ES03): Logged at: "6/12/2026 2:07 PM" no es una fecha y hora como 2026-12-06 14:05');
    expect(report).toContain('Línea 5 (CS-ES04): la marca "Nobody Inc" no es una de las marcas de Ajustes');
    expect(englishLeaks(report)).toEqual([]);

    const refused = await dashboard.importText('ajustes.json', '{"version": 1, "brands": []}');
    expect(refused).toBe(
      'Este es un archivo de ajustes de CareSide, no una exportación de casos; impórtalo en Ajustes. No se importó nada.',
    );
  });
});
