import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/thai-600.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/latin-600.css';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './i18n';
import {
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type CSSVariablesResolver,
} from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './auth/session';

const theme = createTheme({
  fontFamily: 'Sarabun, "TH Sarabun New", system-ui, sans-serif',
  headings: { fontFamily: 'Sarabun, "TH Sarabun New", system-ui, sans-serif' },
  primaryColor: 'teal',
  // Shades 6–8 of teal give text or white labels under 4.5:1 contrast (WCAG AA) on light backgrounds.
  primaryShade: { light: 9, dark: 8 },
  autoContrast: true,
  // Light variants (tinted badges and buttons): the lightest tint, with text dark enough on it.
  variantColorResolver: (input) => {
    const colors = defaultVariantColorsResolver(input);
    if (input.variant !== 'light') return colors;
    const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
    if (!parsed.isThemeColor) return colors;
    // Shade 9 of the warm colours is still under 4.5:1 on their tint: their text is near-black.
    const text = ['orange', 'yellow', 'lime'].includes(parsed.color) ? 'dark-8' : `${parsed.color}-9`;
    return {
      ...colors,
      background: `var(--mantine-color-${parsed.color}-0)`,
      hover: `var(--mantine-color-${parsed.color}-1)`,
      color: `var(--mantine-color-${text})`,
    };
  },
});
// Secondary ("dimmed") text in gray 7: gray 6 on white is 3.3:1.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
const queries = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
