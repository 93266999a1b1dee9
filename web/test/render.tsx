import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { I18nProvider, type Lang } from '../i18n';

/** Renders a component with the language provider and an in-memory router. */
export function renderWithApp(
  ui: ReactElement,
  { lang = 'vi', path = '/' }: { lang?: Lang; path?: string } = {},
): RenderResult {
  return render(
    <I18nProvider initial={lang}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </I18nProvider>,
  );
}
